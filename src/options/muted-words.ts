/** Turns the muted-words text box (one word or phrase per line) into the settings list and back. */

/** Lines → distinct, trimmed words (case-insensitive duplicates dropped, first spelling kept). */
export function parseMutedWords(text: string): string[] {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const word = line.trim().replace(/\s+/g, ' ');
    const key = word.toLowerCase();
    if (!word || seen.has(key)) continue;
    seen.add(key);
    words.push(word);
  }
  return words;
}

export function formatMutedWords(words: string[]): string {
  return words.join('\n');
}
