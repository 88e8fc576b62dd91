/**
 * Replies with no explicit mark (no time, quote or name): a guess at the comment answered, from conversational openers
 * ("Agreed", "Exactly", "No,") and the rare words shared with the nearest earlier comments. Measured by
 * `npm run bench:threads`; not shown to readers unless its precision on the holdout set reaches 0.8.
 */
import type { InferenceComment, ReplyLink } from './types';

/** A guessed parent for a comment inference found no evidence for. */
export interface UnmarkedGuess {
  parentId: string;
  /** Why: the opener and/or the shared words. */
  evidence: string;
  score: number;
}

const OPENER =
  /^(?:agreed|exactly|indeed|quite|absolutely|correct|true|spot on|well said|i agree|i disagree|yes|yeah|aye|no|nope|nonsense|rubbish|not so|not true|sadly|sorry|so true|this|same here|me too|ditto|good point|fair point|well put)\b/i;
const STOP = new Set(
  'about above after again against all also although always among another because been before being below between both cannot could does doing down during each either else even ever every from further have having here hers herself himself however into itself just like many might more most much must myself neither never only other ought ours over same shall should since some such than that their theirs them then there these they this those through thus under until upon very were what when where whether which while whom whose will with within without would your yours going being really still think know people said says make made time years year'.split(
    ' ',
  ),
);
/** How many earlier comments of the same conversation are looked at. */
const WINDOW = 3;
/** Least score to guess at all: an opener counts 1, each shared rare word its inverse document frequency share. */
const THRESHOLD = 1.5;

function contentWords(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}][\p{L}'’-]{3,}/gu) ?? []).filter((word) => !STOP.has(word)));
}

/**
 * For each comment whose link rests on no evidence at all, the earlier comment it most likely answers, if the
 * signals reach the threshold: within a Blogger thread, the replies before it in that thread; at the top level, the
 * comments just before it.
 */
export function guessUnmarkedParents(comments: readonly InferenceComment[], links: ReadonlyMap<string, ReplyLink>): Map<string, UnmarkedGuess> {
  const live = comments.filter((c) => !c.removed);
  const words = new Map(live.map((c) => [c.id, contentWords(c.text)]));
  const documentFrequency = new Map<string, number>();
  for (const set of words.values()) for (const word of set) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const byTime = [...live].sort((a, b) => a.publishedMs - b.publishedMs);
  const guesses = new Map<string, UnmarkedGuess>();
  byTime.forEach((comment, rank) => {
    const link = links.get(comment.id);
    if (!link || link.source !== 'blogger' || (link.considered?.length ?? 0) > 0) return;
    const thread = comment.parentId;
    const earlier = byTime.slice(0, rank).filter((c) => (thread === null ? true : c.parentId === thread && c.id !== thread));
    const window = earlier.slice(-WINDOW).reverse();
    if (window.length === 0) return;
    const opener = OPENER.test(comment.text.trim());
    const own = words.get(comment.id)!;
    let best: UnmarkedGuess | null = null;
    window.forEach((candidate, distance) => {
      const shared = [...own].filter((word) => words.get(candidate.id)!.has(word));
      const rarity = shared.reduce((sum, word) => sum + 2 / documentFrequency.get(word)!, 0);
      const score = rarity + (opener && distance === 0 ? 1 : 0) - distance * 0.25;
      if (score >= THRESHOLD && (!best || score > best.score)) {
        const why = [opener ? 'opens as an answer' : '', shared.length > 0 ? `shares ${shared.slice(0, 4).join(', ')}` : '']
          .filter(Boolean)
          .join('; ');
        best = { parentId: candidate.id, evidence: why, score };
      }
    });
    if (best) guesses.set(comment.id, best);
  });
  return guesses;
}
