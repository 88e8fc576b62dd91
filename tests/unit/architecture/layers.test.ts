// @vitest-environment node
/**
 * Import layers of src/: each folder imports only its own files and the layers below it, folders never import
 * each other in a cycle, and the two browser-facing packages have exactly one importer each.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// ---------------------------------------------------------------------------------------------------------------
// The rules. Bottom up: shared → blogger → threads → ui → features/* → content and the extension pages.
//
// A "folder" is src/<top>, or src/features/<name> for a feature; src/features/index.ts (the feature list) is its own
// folder, 'src/features'. Every file may import files in its own folder. Beyond that, a folder may import only the
// folders named in its `mayImport` (a `features/*` entry means every feature folder). In particular:
// - a feature may import another feature only through that feature's `api.ts` (src/features/<other>/api.ts), so the
//   rest of a feature's files stay private to it;
// - the feature list (src/features/index.ts) may import every feature's `feature.ts`, and nothing else of theirs;
// - extension pages do not import each other, nor src/content; they may use any file of a feature (the options page
//   shows the glossary editor, the panel the reading list), since nothing imports them back.
// ---------------------------------------------------------------------------------------------------------------

const FEATURES = 'features/*';
/** Any file of any feature: for the extension pages, which show a feature's own views (options sections, the panel). */
const FEATURE_FILES = 'features/**';

interface LayerRule {
  /** The folders this rule is for: 'src/<top>', or FEATURES for every src/features/<name>. */
  readonly folders: readonly string[];
  /** Folders these may import besides their own; FEATURES means every feature's api.ts (see above). */
  readonly mayImport: readonly string[];
}

const LOWEST = ['src/shared', 'src/blogger', 'src/threads', 'src/ui'] as const;

const LAYERS: readonly LayerRule[] = [
  { folders: ['src/shared'], mayImport: [] },
  { folders: ['src/blogger'], mayImport: ['src/shared'] },
  { folders: ['src/threads'], mayImport: ['src/shared', 'src/blogger'] },
  { folders: ['src/ui'], mayImport: ['src/shared', 'src/blogger', 'src/threads'] },
  { folders: [FEATURES], mayImport: [...LOWEST, FEATURES] },
  { folders: ['src/features'], mayImport: [...LOWEST, FEATURES] },
  { folders: ['src/content'], mayImport: [...LOWEST, FEATURES, 'src/features'] },
  { folders: ['src/background', 'src/options', 'src/popup', 'src/sidebar'], mayImport: [...LOWEST, FEATURE_FILES, 'src/features'] },
];

/** Packages only one file may import: the seams that keep browser APIs and DOMPurify in one place each. */
const PACKAGE_OWNERS: Readonly<Record<string, string>> = {
  'webextension-polyfill': 'src/shared/browser.ts',
  dompurify: 'src/shared/sanitize-purify.ts',
};

/** The file through which a feature shows itself to other features, and the one the feature list imports. */
const FEATURE_API_FILE = 'api.ts';
const FEATURE_ENTRY_FILES = ['feature.ts', 'feature.tsx'];

// ---------------------------------------------------------------------------------------------------------------
// Reading imports (a regex, not a parser: enough for this code base's import statements).
// ---------------------------------------------------------------------------------------------------------------

interface ImportEdge {
  /** The importing file, relative to the repository with '/' separators (src/ui/App.tsx). */
  readonly from: string;
  readonly line: number;
  readonly specifier: string;
  /** The imported file, when the specifier is relative and resolves to one; null otherwise. */
  readonly to: string | null;
  /** The package name, when the specifier is a bare one ('preact/hooks' → 'preact'). */
  readonly packageName: string | null;
}

/** `import x from '…'`, `import type { A } from '…'`, `import '…'`, `export { a } from '…'`, `export * from '…'`, at a line start. */
const STATIC_IMPORT = /^[ \t]*(?:import|export)\s+(?:type\s+)?(?:[\w$*{}\s,]*?\s*from\s*)?['"]([^'"\n]+)['"]/gm;
/** `import('…')` with a literal specifier. */
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;
const RESOLVE_SUFFIXES = ['', '.ts', '.tsx', '.d.ts', '/index.ts', '/index.tsx'];

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function isCommentLine(text: string, index: number): boolean {
  const start = text.lastIndexOf('\n', index - 1) + 1;
  const head = text.slice(start, index).trimStart();
  return head.startsWith('*') || head.startsWith('//') || head.startsWith('/*');
}

function packageNameOf(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]!;
}

/** The imports of one file. `exists` answers for repository-relative paths, so tests can run this on in-memory files. */
function importsOf(file: string, text: string, exists: (path: string) => boolean): ImportEdge[] {
  const found: { index: number; specifier: string }[] = [];
  for (const match of text.matchAll(STATIC_IMPORT)) found.push({ index: match.index, specifier: match[1]! });
  for (const match of text.matchAll(DYNAMIC_IMPORT)) {
    if (!isCommentLine(text, match.index)) found.push({ index: match.index, specifier: match[1]! });
  }
  return found.map(({ index, specifier }) => {
    const relativeSpecifier = specifier.startsWith('.');
    let to: string | null = null;
    if (relativeSpecifier) {
      const base = join(dirname(file), specifier).split('\\').join('/');
      to = RESOLVE_SUFFIXES.map((suffix) => base + suffix).find((candidate) => exists(candidate)) ?? null;
    }
    return { from: file, line: lineAt(text, index), specifier, to, packageName: relativeSpecifier ? null : packageNameOf(specifier) };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Checking.
// ---------------------------------------------------------------------------------------------------------------

/** src/<top> or src/features/<name>; src/features/index.ts is 'src/features'; files right under src/ are 'src'. */
function folderOf(file: string): string {
  const parts = file.split('/');
  if (parts[0] !== 'src' || parts.length < 3) return parts.length === 2 && parts[0] === 'src' ? 'src' : file;
  if (parts[1] === 'features' && parts.length >= 4) return `src/features/${parts[2]}`;
  return `src/${parts[1]}`;
}

function isFeatureFolder(folder: string): boolean {
  return /^src\/features\/[^/]+$/.test(folder);
}

function ruleFor(folder: string): LayerRule | undefined {
  return LAYERS.find((rule) => rule.folders.includes(isFeatureFolder(folder) ? FEATURES : folder));
}

function describeAllowed(rule: LayerRule): string {
  const names = rule.mayImport.map((folder) =>
    folder === FEATURES ? `src/features/<other>/${FEATURE_API_FILE}` : folder === FEATURE_FILES ? 'any file of src/features/<name>/' : folder,
  );
  return names.length === 0 ? 'nothing outside its own folder' : `only ${names.join(', ')}`;
}

/** Why `edge` breaks the layer rules, or null when it keeps them. */
function layerViolation(edge: ImportEdge): string | null {
  const from = folderOf(edge.from);
  const to = folderOf(edge.to!);
  if (from === to) return null;
  const where = `${edge.from}:${edge.line} imports ${edge.to}`;
  const fromRule = ruleFor(from);
  if (!fromRule || !ruleFor(to)) return null; // reported once per folder by unplacedFolders
  const targetFile = edge.to!.slice(to.length + 1);
  if (isFeatureFolder(to)) {
    if (from === 'src/features' && FEATURE_ENTRY_FILES.includes(targetFile)) return null;
    if (fromRule.mayImport.includes(FEATURE_FILES)) return null;
    if (!fromRule.mayImport.includes(FEATURES)) return `${where}: ${from} may not import features (it may import ${describeAllowed(fromRule)})`;
    if (targetFile !== FEATURE_API_FILE) {
      return `${where}: another feature's files are private; import ${to}/${FEATURE_API_FILE} instead`;
    }
    return null;
  }
  if (fromRule.mayImport.includes(to)) return null;
  return `${where}: ${from} may import ${describeAllowed(fromRule)}`;
}

/** Folders holding source files that no rule places (their imports are not checked until they are placed). */
function unplacedFolders(files: readonly string[], edges: readonly ImportEdge[]): string[] {
  const counts = new Map<string, number>();
  for (const file of files) {
    const folder = folderOf(file);
    if (!ruleFor(folder)) counts.set(folder, (counts.get(folder) ?? 0) + 1);
  }
  return [...counts].sort().map(([folder, count]) => {
    const importers = new Set(
      edges.filter((e) => e.to !== null && folderOf(e.to) === folder && folderOf(e.from) !== folder).map((e) => folderOf(e.from)),
    );
    const usedBy = importers.size > 0 ? `, imported from ${[...importers].sort().join(', ')}` : '';
    return `${folder} (${count} file${count === 1 ? '' : 's'}${usedBy}) is in no layer: move it into one, or add it to LAYERS`;
  });
}

/** Every broken rule in a set of import edges, one readable line each. */
function layerViolations(edges: readonly ImportEdge[]): string[] {
  const problems: string[] = [];
  for (const edge of edges) {
    if (edge.packageName !== null) continue;
    if (edge.to === null) {
      problems.push(`${edge.from}:${edge.line} imports '${edge.specifier}', which resolves to no file`);
      continue;
    }
    // The one file outside src/ that code may name: the English messages, for their keys' type (src/shared/i18n.ts).
    if (edge.to === 'assets/_locales/en/messages.json' && edge.from === 'src/shared/i18n.ts') continue;
    if (!edge.to.startsWith('src/')) {
      problems.push(`${edge.from}:${edge.line} imports ${edge.to}, outside src/`);
      continue;
    }
    const problem = layerViolation(edge);
    if (problem) problems.push(problem);
  }
  return problems;
}

function packageViolations(edges: readonly ImportEdge[]): string[] {
  return edges
    .filter((edge) => edge.packageName !== null && edge.packageName in PACKAGE_OWNERS && PACKAGE_OWNERS[edge.packageName] !== edge.from)
    .map((edge) => `${edge.from}:${edge.line} imports ${edge.packageName}: only ${PACKAGE_OWNERS[edge.packageName!]} may`);
}

/**
 * Cycles in the folder graph: one line per strongly connected group of folders, naming one cycle through it and,
 * for each step, a file import that makes it.
 */
function folderCycles(edges: readonly ImportEdge[]): string[] {
  const graph = new Map<string, Map<string, ImportEdge>>();
  for (const edge of edges) {
    if (edge.to === null || !edge.to.startsWith('src/')) continue;
    const from = folderOf(edge.from);
    const to = folderOf(edge.to);
    if (from === to) continue;
    if (!graph.has(from)) graph.set(from, new Map());
    if (!graph.has(to)) graph.set(to, new Map());
    if (!graph.get(from)!.has(to)) graph.get(from)!.set(to, edge);
  }

  // Tarjan's strongly connected components.
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (node: string) => {
    index.set(node, index.size);
    low.set(node, index.get(node)!);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node)!.keys()) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const group: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) if (!index.has(node)) visit(node);

  return groups.map((group) => {
    // The shortest way back to the group's first folder, by breadth-first search inside the group.
    const start = group[0]!;
    const members = new Set(group);
    const previous = new Map<string, string>();
    const queue = [start];
    let closing: string | null = null;
    while (queue.length > 0 && closing === null) {
      const node = queue.shift()!;
      for (const next of graph.get(node)!.keys()) {
        if (!members.has(next)) continue;
        if (next === start) {
          closing = node;
          break;
        }
        if (!previous.has(next)) {
          previous.set(next, node);
          queue.push(next);
        }
      }
    }
    const path = [start];
    for (let node = closing!; node !== start; node = previous.get(node)!) path.splice(1, 0, node);
    path.push(start);
    const steps = path.slice(1).map((to, i) => {
      const edge = graph.get(path[i]!)!.get(to)!;
      return `${edge.from}:${edge.line} → ${edge.to}`;
    });
    const others = group.length > path.length - 1 ? ` (the cycle group also holds ${group.filter((f) => !path.includes(f)).join(', ')})` : '';
    return `folder cycle ${path.join(' → ')}${others}: ${steps.join('; ')}`;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The tree.
// ---------------------------------------------------------------------------------------------------------------

const REPO = resolve(__dirname, '../../..');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

function readTree(): { files: string[]; edges: ImportEdge[] } {
  const exists = (path: string) => existsSync(join(REPO, path)) && statSync(join(REPO, path)).isFile();
  const files = sourceFiles(join(REPO, 'src')).map((path) => relative(REPO, path).split('\\').join('/'));
  return { files, edges: files.flatMap((file) => importsOf(file, readFileSync(join(REPO, file), 'utf8'), exists)) };
}

describe('src import layers', () => {
  const { files, edges } = readTree();

  it('places every folder of src/ in a layer', () => {
    expect(unplacedFolders(files, edges)).toEqual([]);
  });

  it('reads the imports of the tree', () => {
    expect(edges.length).toBeGreaterThan(100);
  });

  it('imports only from its own folder or a lower layer', () => {
    expect(layerViolations(edges)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it('imports webextension-polyfill and dompurify only through their one shared module each', () => {
    expect(packageViolations(edges)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The checker on a small made-up tree, so the tests above cannot pass by reading nothing or checking nothing.
// ---------------------------------------------------------------------------------------------------------------

describe('the layer checker', () => {
  const files: Record<string, string> = {
    'src/shared/log.ts': 'export const log = console.log;\n',
    'src/shared/browser.ts': "import browser from 'webextension-polyfill';\nexport default browser;\n",
    'src/blogger/read.ts': [
      "/** Reads the page (from '@21:07' references) and mentions import('./nothing') in a comment. */",
      "import { log } from '../shared/log';",
      "import type { Tree } from '../threads/tree';",
      'export const read = () => log;',
    ].join('\n'),
    'src/threads/tree.ts': "import {\n  read,\n} from '../blogger/read';\nexport type Tree = typeof read;\n",
    'src/ui/view.tsx': "import { h } from 'preact';\nimport '../threads/tree';\nexport * from '../threads';\n",
    'src/threads/index.ts': "export * from './tree';\n",
    'src/features/filters/api.ts': 'export const filter = 1;\n',
    'src/features/filters/feature.ts': "import { filter } from './api';\nexport default filter;\n",
    'src/features/reading/feature.ts': [
      "import { filter } from '../filters/api';",
      "import entry from '../filters/feature';",
      "import browser from 'webextension-polyfill';",
      "const later = () => import('../../ui/view');",
    ].join('\n'),
    'src/features/index.ts': "import filters from './filters/feature';\nimport reading from './reading/feature';\n",
    'src/popup/index.tsx': "import { filter } from '../features/filters/feature';\nimport '../options/page';\nimport '../shared/missing';\n",
    'src/options/page.tsx': "import { log } from '../shared/log';\n",
    'src/sites/hosts.ts': "import { log } from '../shared/log';\n",
    'src/ui/sites.ts': "import '../sites/hosts';\n",
    'src/threads/sneaky.ts': "import '../features/filters/api';\n",
  };
  const exists = (path: string) => path in files;
  const edges = Object.entries(files).flatMap(([file, text]) => importsOf(file, text, exists));

  it('reads static, multi-line, type-only, side-effect, re-export and dynamic imports, and skips comments', () => {
    const of = (file: string) => edges.filter((edge) => edge.from === file).map((edge) => edge.to ?? edge.specifier);
    expect(of('src/blogger/read.ts')).toEqual(['src/shared/log.ts', 'src/threads/tree.ts']);
    expect(of('src/threads/tree.ts')).toEqual(['src/blogger/read.ts']);
    expect(of('src/ui/view.tsx')).toEqual(['preact', 'src/threads/tree.ts', 'src/threads/index.ts']);
    expect(of('src/features/reading/feature.ts')).toEqual([
      'src/features/filters/api.ts',
      'src/features/filters/feature.ts',
      'webextension-polyfill',
      'src/ui/view.tsx',
    ]);
  });

  it('catches imports from a higher layer, private feature files, sibling pages and unresolved paths', () => {
    expect(layerViolations(edges)).toEqual([
      'src/blogger/read.ts:3 imports src/threads/tree.ts: src/blogger may import only src/shared',
      "src/features/reading/feature.ts:2 imports src/features/filters/feature.ts: another feature's files are private; import src/features/filters/api.ts instead",
      'src/popup/index.tsx:2 imports src/options/page.tsx: src/popup may import only src/shared, src/blogger, src/threads, src/ui, any file of src/features/<name>/, src/features',
      "src/popup/index.tsx:3 imports '../shared/missing', which resolves to no file",
      'src/threads/sneaky.ts:1 imports src/features/filters/api.ts: src/threads may not import features (it may import only src/shared, src/blogger)',
    ]);
  });

  it('names folders that no layer holds', () => {
    expect(unplacedFolders(Object.keys(files), edges)).toEqual([
      'src/sites (1 file, imported from src/ui) is in no layer: move it into one, or add it to LAYERS',
    ]);
  });

  it('catches a cycle between folders and names the imports that make it', () => {
    expect(folderCycles(edges)).toEqual([
      'folder cycle src/blogger → src/threads → src/blogger: src/blogger/read.ts:3 → src/threads/tree.ts; src/threads/tree.ts:1 → src/blogger/read.ts',
    ]);
  });

  it('catches a second importer of a single-owner package', () => {
    expect(packageViolations(edges)).toEqual(['src/features/reading/feature.ts:3 imports webextension-polyfill: only src/shared/browser.ts may']);
  });
});
