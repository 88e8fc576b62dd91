/** `npm run new-feature <name>`: writes src/features/<name>/ with a minimal working feature and its test, and registers it. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** A feature's folder name: lower-case words joined by hyphens ("latest-comments"). */
export const FEATURE_NAME = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** "latest-comments" → "latestComments" (the import's name in the feature list). */
export function identifierOf(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}

/** The feature file: a toolbar note with how many comments the reader can see, kept live, torn down by the signal. */
export function featureSource(name: string): string {
  return `/** ${name}: says in the toolbar how many comments are shown (a starting point: say here what the feature does for the reader). */
import { defineFeature } from '../../ui/feature';
import { useThread } from '../../ui/context';
import { useSetVersion, useValue } from '../../ui/store';

const styles = \`
.${name}-note { color: var(--tl-muted); font-size: 0.9em; }
\`;

/** The toolbar note: the comments not hidden by a filter. */
function ShownNote() {
  const { model, hidden } = useThread();
  const total = useValue(model).order.length;
  useSetVersion(hidden);
  return (
    <span className="${name}-note" role="status">
      {total - hidden.size} shown
    </span>
  );
}

export default defineFeature({
  id: '${name}',
  styles,
  init(_ctx, _signal) {
    // Set things up here; tie every listener and subscription to \`_signal\` (untilAborted, { signal }).
    return { toolbar: <ShownNote /> };
  },
});
`;
}

/** The feature's test: it mounts the real view with the feature and checks what the reader sees. */
export function testSource(name: string): string {
  return `// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import feature from '../../../../src/features/${name}/feature';
import { mountView, type MountedView } from '../../support/mount-view';

// Extension storage in memory: the view's settings and every feature's persistence read and write it.
vi.mock('webextension-polyfill', async () => ({ default: (await import('../../support/fake-browser')).createFakeBrowser() }));

let view: MountedView | null = null;
afterEach(() => {
  view?.destroy();
  view = null;
});

describe('${name}', () => {
  it('says in the toolbar how many comments are shown', async () => {
    view = await mountView({ features: [feature] });
    expect(view.shadow.querySelector('.${name}-note')?.textContent).toBe('6 shown');
  });

  it('leaves nothing behind once the view is destroyed', async () => {
    view = await mountView({ features: [feature] });
    view.destroy();
    expect(document.querySelector('[data-thread-root]')).toBeNull();
  });
});
`;
}

/** The feature list with the new feature's import and entry added (imports kept sorted, the entry last). */
export function registered(list: string, name: string): string {
  const id = identifierOf(name);
  const importLine = `import ${id} from './${name}/feature';`;
  const lines = list.split('\n');
  const imports = lines.filter((line) => /^import \w+ from '\.\/[\w-]+\/feature';$/.test(line));
  const after = imports.filter((line) => line < importLine).at(-1) ?? lines.find((line) => line.startsWith('import type'))!;
  lines.splice(lines.indexOf(after) + 1, 0, importLine);
  const close = lines.lastIndexOf('];');
  if (close < 0) throw new Error('src/features/index.ts has no FEATURES list ending in "];"');
  lines.splice(close, 0, `  ${id},`);
  return lines.join('\n');
}

function main(): void {
  const name = process.argv[2];
  if (!name || !FEATURE_NAME.test(name)) {
    console.error('usage: npm run new-feature <name>   (lower-case words joined by hyphens, e.g. latest-comments)');
    process.exit(2);
  }
  const folder = join(root, 'src/features', name);
  if (existsSync(folder)) {
    console.error(`src/features/${name} exists already`);
    process.exit(1);
  }
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'feature.tsx'), featureSource(name));
  const testFolder = join(root, 'tests/unit/features', name);
  mkdirSync(testFolder, { recursive: true });
  writeFileSync(join(testFolder, 'feature.test.tsx'), testSource(name));
  const listFile = join(root, 'src/features/index.ts');
  writeFileSync(listFile, registered(readFileSync(listFile, 'utf8'), name));
  console.log(`wrote src/features/${name}/feature.tsx and tests/unit/features/${name}/feature.test.tsx; registered in src/features/index.ts
next: npx vitest run tests/unit/features/${name}, then make it yours (docs/architecture.md, "Adding a feature")`);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
