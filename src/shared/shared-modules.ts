/**
 * The modules the content script shares with its chunks: one Preact (hooks break with two copies) and the few
 * src modules whose state must be one instance (the view's context, the stores, the one-warning log, the browser seam, the one storage wrapper with its error classes).
 * The content script publishes them under SHARED_MODULES_KEY; chunk builds resolve these imports to that registry
 * (scripts/build.ts) instead of bundling copies, and a metafile test holds them to it.
 */
export const SHARED_MODULES = [
  'preact',
  'preact/hooks',
  'preact/jsx-runtime',
  'src/ui/context.ts',
  'src/ui/store.ts',
  'src/shared/log.ts',
  'src/shared/browser.ts',
  'src/shared/storage.ts',
] as const;

export type SharedModuleId = (typeof SHARED_MODULES)[number];

/** Where the content script publishes them: a key on the isolated world's global (invisible to the page). */
export const SHARED_MODULES_KEY = Symbol.for('threadline.shared-modules');

/**
 * The source a chunk build puts in place of a shared module: an ES module that re-exports, by name, the main bundle's
 * instance (`exportNames` are the module's own, read by the build), or throws a clear error when there is none.
 */
export function sharedModuleShim(id: SharedModuleId, exportNames: readonly string[]): string {
  const lines = [
    `const registry = globalThis[Symbol.for(${JSON.stringify(SHARED_MODULES_KEY.description)})];`,
    `const shared = registry && registry[${JSON.stringify(id)}];`,
    `if (!shared) throw new Error(${JSON.stringify(`Threadline chunk loaded without the content script's ${id}`)});`,
  ];
  for (const name of exportNames) {
    if (name === 'default') lines.push('export default shared.default;');
    else if (/^[A-Za-z_$][\w$]*$/.test(name)) lines.push(`export const ${name} = shared[${JSON.stringify(name)}];`);
  }
  return lines.join('\n');
}
