import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIGNER_PALETTE, signerColour, signerMarks } from '../../../src/threads/signers';

/** WCAG relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

const comment = (id: string, text: string, author = 'Anonymous') => ({ id, author, text, removed: false });

describe('signer marks', () => {
  it('marks closing signatures and profile names, never an unsigned anonymous comment', () => {
    const marks = signerMarks([
      comment('1', "Recalls are up.\n\n'Getafix"),
      comment('2', 'Staff are leaving.\n- Pearly Gates'),
      comment('3', 'Nobody signs this one.'),
      comment('4', 'Neither this one.'),
      comment('5', 'A profile comment.', 'Netnipper'),
      comment('6', 'Another.', 'Unknown'),
    ]);
    expect([...marks.keys()]).toEqual(['1', '2', '5']);
    expect(marks.get('1')).toMatchObject({ name: 'Getafix', key: 'getafix', from: 'signature' });
    expect(marks.get('2')).toMatchObject({ name: 'Pearly Gates', key: 'pearly gates', from: 'signature' });
    expect(marks.get('5')).toMatchObject({ name: 'Netnipper', from: 'profile' });
  });

  it('gives the same name the same colour however it is written, on every run', () => {
    const marks = signerMarks([comment('1', "Yes.\n\n'Getafix"), comment('2', 'No.\n- getafix.'), comment('3', 'x', 'Getafix')]);
    const colours = new Set([...marks.values()].map((m) => m.colour));
    expect(colours.size).toBe(1);
    expect(signerColour('getafix')).toBe(signerColour('getafix'));
    // Different names spread over the palette.
    const spread = new Set(['getafix', 'pearly gates', 'netnipper', 'old lag', 'rosie lee', 'jb', 'tiger', 'observer'].map(signerColour));
    expect(spread.size).toBeGreaterThanOrEqual(4);
  });

  it('uses swatch colours with at least 3:1 contrast on the light and the dark background', () => {
    for (const colour of SIGNER_PALETTE) {
      expect(contrast(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
      expect(contrast(colour, '#16191d')).toBeGreaterThanOrEqual(3);
    }
  });

  it('is the palette the view’s styles use, colour for colour', () => {
    const css = readFileSync('src/ui/styles.css', 'utf8');
    SIGNER_PALETTE.forEach((colour, index) => expect(css).toContain(`.signer-c${index} { --tl-signer: ${colour}; }`));
  });
});
