import { describe, expect, it } from 'vitest';
import { parseOptionsHash } from '../../../src/options/location-hash';
import { formatMutedWords, parseMutedWords } from '../../../src/options/muted-words';

describe('muted words box', () => {
  it('keeps one trimmed entry per line, drops blanks and case-insensitive repeats', () => {
    expect(parseMutedWords('  troll \n\nTROLL\nSpam   phrase here\r\nspam phrase here\n')).toEqual(['troll', 'Spam phrase here']);
  });

  it('round-trips what it formats', () => {
    const words = ['one', 'two words'];
    expect(parseMutedWords(formatMutedWords(words))).toEqual(words);
  });
});

describe('options address', () => {
  it('reads the section and the term to define', () => {
    expect(parseOptionsHash('#glossary?define=OASys')).toEqual({ section: 'glossary', define: 'OASys' });
    expect(parseOptionsHash('#keys')).toEqual({ section: 'keys', define: null });
    expect(parseOptionsHash('')).toEqual({ section: null, define: null });
  });

  it('ignores sections that are not plain ids and trims an over-long token', () => {
    expect(parseOptionsHash('#<img src=x>').section).toBeNull();
    expect(parseOptionsHash(`#glossary?define=${'X'.repeat(100)}`).define).toHaveLength(40);
  });
});
