/** Entry of the glossary chunk (glossary.js): scanner, tooltip, panel and their wiring, injected at idle after the threads first show. */
import { createGlossaryFeature } from './glossary-view';
import { registerChunk } from '../../shared/chunks';

export interface GlossaryChunkApi {
  createGlossaryFeature: typeof createGlossaryFeature;
}

registerChunk('glossary', { createGlossaryFeature } satisfies GlossaryChunkApi);
