/**
 * The interface's words live in assets/_locales: a component (.tsx under src/) that holds a user-visible literal,
 * as JSX text or as an aria-label, title, placeholder, alt or label attribute, fails here.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { transformSync } from 'esbuild';
import { describe, expect, it } from 'vitest';

const JSX_TEXT = />([^<>{}()=;&|?:`]*[A-Za-z]{2,}[^<>{}()=;&|?:`]*)[<{]/g;
const WORDY_ATTRIBUTE = /\b(aria-label|title|placeholder|alt|label)=["']([^"']*[A-Za-z][^"']*)["']/g;

/** The user-visible literals of one component, found in its JSX once types and comments are gone. */
function literalsIn(source: string): string[] {
  const code = transformSync(source, { loader: 'tsx', jsx: 'preserve' }).code;
  const found: string[] = [];
  for (const match of code.matchAll(JSX_TEXT)) found.push(match[1]!.trim());
  for (const match of code.matchAll(WORDY_ATTRIBUTE)) found.push(`${match[1]}="${match[2]}"`);
  return found;
}

const components = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'src/*.tsx'], { encoding: 'utf8' })
  .split('\n')
  .filter(Boolean);

describe('words in components', () => {
  it('finds JSX text and wordy attributes, and not code or expressions', () => {
    expect(literalsIn('export const A = () => <p title="Hi there">Save {count} <b>{t("x")}</b></p>;')).toEqual(['Save', 'title="Hi there"']);
    expect(literalsIn('export const B = (a: number) => <p aria-label={t("y")}>{a > 1 && a < 3 ? t("z") : null}</p>;')).toEqual([]);
  });

  for (const file of components) {
    it(`${file} takes its words from _locales`, () => {
      expect(literalsIn(readFileSync(file, 'utf8')), 'use t() from src/shared/i18n with a key in assets/_locales/en/messages.json').toEqual([]);
    });
  }
});
