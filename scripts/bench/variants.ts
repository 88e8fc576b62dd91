/**
 * Build variants for the chunk comparison (`npm run bench -- --chunks`): the comment-feed chunk as it ships, or folded
 * into the content script. (The reading list, keyboard help and glossary were chunks until this comparison showed
 * they bought nothing measurable; they are part of the content script now.)
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import type { ChunkName } from '../../src/shared/chunks';
import { buildTarget } from '../build';

export interface ChunkVariant {
  name: string;
  label: string;
  fold: ChunkName[];
}

export const CHUNK_VARIANTS: ChunkVariant[] = [
  { name: 'chunks', label: '(a) as shipped: the comment feed (with DOMPurify) is a chunk', fold: [] },
  { name: 'all-folded', label: '(b) the feed folded into the content script', fold: ['feed'] },
];

export interface BuiltVariant extends ChunkVariant {
  dir: string;
  /** Minified bytes of every .js the variant ships that the content side can run (content.js and the chunk files left). */
  bytes: Record<string, number>;
}

/** Production Chromium builds of every variant into dist-bench/<variant>/chrome (a folded chunk's file is not built, so an injection of it would fail visibly). */
export async function buildVariants(root: string): Promise<BuiltVariant[]> {
  const built: BuiltVariant[] = [];
  for (const variant of CHUNK_VARIANTS) {
    const dir = join(root, 'dist-bench', variant.name, 'chrome');
    const { bytes } = await buildTarget('chrome', { outdir: dir, foldChunks: variant.fold });
    const files = ['content.js', 'feed.js'];
    const sizes: Record<string, number> = {};
    for (const file of files) if (bytes[file] !== undefined) sizes[file] = statSync(join(dir, file)).size;
    built.push({ ...variant, dir, bytes: sizes });
  }
  return built;
}
