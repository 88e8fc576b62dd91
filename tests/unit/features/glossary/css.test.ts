import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = readFileSync(new URL('../../../../src/features/glossary/glossary.css', import.meta.url), 'utf8');

function luminance(hex: string): number {
  const channels = (hex.replace('#', '').match(/../g) ?? []).map((part) => parseInt(part, 16) / 255);
  const [r = 0, g = 0, b = 0] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a: string, b: string): number {
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (high + 0.05) / (low + 0.05);
}
function rule(block: string, selector: string, property: string): string {
  const body = new RegExp(`${selector.replace(/[.[\]]/g, '\\$&')}\\s*\\{([^}]*)\\}`).exec(block)?.[1] ?? '';
  return new RegExp(`(?:^|[;\\s])${property}:\\s*(#[0-9a-f]{6})`, 'i').exec(body)?.[1] ?? '';
}

describe('glossary.css', () => {
  it('gives terms a dotted underline', () => {
    expect(css).toMatch(/\.tl-term\[data-term\]\s*\{[^}]*text-decoration:\s*underline dotted/);
  });

  it('keeps tooltip text at AA contrast in light and dark schemes', () => {
    const dark = css.slice(css.indexOf('@media (prefers-color-scheme: dark)'));
    expect(dark.length).toBeGreaterThan(40);
    expect(contrast(rule(css, '.tl-tooltip', 'color'), rule(css, '.tl-tooltip', 'background'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(rule(dark, '.tl-tooltip', 'color'), rule(dark, '.tl-tooltip', 'background'))).toBeGreaterThanOrEqual(4.5);
    expect(contrast(rule(css, '.tl-tooltip__note', 'color'), rule(css, '.tl-tooltip', 'background'))).toBeGreaterThanOrEqual(4.5);
  });
});
