// @vitest-environment node
/**
 * The conventions every feature folder keeps (in the spirit of refined-github's features test): it is registered,
 * its DOM hooks are in the README's contract, its keys are declared in the shortcut table, and its chunk is built.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));

const { FEATURES } = await import('../../../src/features');
const { CHUNKS } = await import('../../../src/shared/chunks');
const { CHUNK_ENTRIES } = await import('../../../scripts/build');
const { SHORTCUT_GROUPS } = await import('../../../src/ui/keyboard/shortcuts');

const root = resolve(import.meta.dirname, '../../..');
const featuresDir = join(root, 'src/features');
const folders = readdirSync(featuresDir)
  .filter((name) => statSync(join(featuresDir, name)).isDirectory())
  .sort();

function filesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesOf(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The README's DOM contract section: from its heading to the next second-level heading. */
function domContract(): string {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const start = readme.indexOf('## The DOM contract');
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end < 0 ? undefined : end);
}

/** The public hooks a feature's sources write: data-thread-/reading-/saved-/term attributes and each action's name. */
function hooksIn(source: string): string[] {
  const hooks = new Set<string>();
  for (const [, name] of source.matchAll(/\b(data-(?:thread|reading|saved|latest)-[a-z-]+|data-term)\b/g))
    if (name !== 'data-thread-action') hooks.add(name!);
  for (const [, action] of source.matchAll(/data-thread-action="([a-z-]+)"/g)) hooks.add(`data-thread-action="${action}"`);
  return [...hooks].sort();
}

/** Page-wide key listeners that are not shortcuts, each with the reason it must be page-wide. */
const PAGE_WIDE_KEYS_ALLOWED: Record<string, string> = {
  'src/features/glossary/tooltip.ts': 'Escape dismisses an open tooltip wherever the focus is (WCAG 1.4.13); it is not a shortcut',
};

describe('feature conventions', () => {
  it('every folder under src/features/ has one feature file and is registered once, in the list, under its folder name', () => {
    const ids = FEATURES.map((feature) => feature.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(folders);
    for (const folder of folders) {
      const entries = ['feature.ts', 'feature.tsx'].filter((name) => existsSync(join(featuresDir, folder, name)));
      expect(entries, folder).toHaveLength(1);
    }
  });

  it('documents every DOM hook a feature writes in the README’s DOM contract', () => {
    const contract = domContract();
    const missing = folders.flatMap((folder) =>
      filesOf(join(featuresDir, folder)).flatMap((file) =>
        hooksIn(readFileSync(file, 'utf8'))
          .filter((hook) => !contract.includes(hook))
          .map((hook) => `${relative(root, file)}: ${hook}`),
      ),
    );
    expect(missing).toEqual([]);
  });

  it('declares every key in the shortcut table: unique ids, a label, a known group, no colliding defaults', async () => {
    const { bindingConflicts } = await import('../../../src/ui/keyboard/binding-rules');
    const table = FEATURES.flatMap((feature) => feature.shortcuts ?? []);
    const ids = table.map((shortcut) => shortcut.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const shortcut of table) {
      expect(shortcut.label.length, shortcut.id).toBeGreaterThan(0);
      expect(SHORTCUT_GROUPS, shortcut.id).toContain(shortcut.group);
    }
    expect([...bindingConflicts(Object.fromEntries(table.map((shortcut) => [shortcut.id, shortcut.key])))]).toEqual([]);
  });

  it('listens to no page-wide key on its own: shortcuts go through the table and the one dispatcher', () => {
    // A widget may handle keys on its own element (a tooltip's Escape); a document- or window-wide listener is a shortcut.
    const pageWide = /\b(doc|document|win|window|view|globalThis)\.addEventListener\(\s*['"]key(down|up|press)['"]/;
    const listeners = folders.flatMap((folder) =>
      filesOf(join(featuresDir, folder))
        .filter((file) => pageWide.test(readFileSync(file, 'utf8')))
        .map((file) => relative(root, file))
        .filter((file) => !(file in PAGE_WIDE_KEYS_ALLOWED)),
    );
    expect(listeners).toEqual([]);
  });

  it('a lazy feature names a chunk the build makes from an entry in its own folder', () => {
    for (const feature of FEATURES.filter((candidate) => candidate.lazy)) {
      const chunk = CHUNKS[feature.lazy as keyof typeof CHUNKS];
      expect(chunk, feature.id).toBeDefined();
      expect(chunk.entry.startsWith(`src/features/${feature.id}/`), feature.id).toBe(true);
      expect(existsSync(join(root, chunk.entry)), chunk.entry).toBe(true);
      expect(CHUNK_ENTRIES[chunk.file.replace(/\.js$/, '')]).toBe(chunk.entry);
    }
  });

  it('reads hooks from source as the README names them', () => {
    expect(hooksIn('<b data-thread-action="save" data-reading-list data-term={x}>')).toEqual([
      'data-reading-list',
      'data-term',
      'data-thread-action="save"',
    ]);
  });
});
