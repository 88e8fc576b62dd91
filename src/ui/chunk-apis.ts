/** The API each on-demand chunk registers, by chunk name (types only: nothing here is bundled). */
import type { FeedChunkApi } from '../features/feed/chunk-api';
import type { GlossaryChunkApi } from '../features/glossary/glossary-chunk';
import type { HelpChunkApi } from '../features/keyboard/help-chunk';
import type { ReadingListChunkApi } from '../features/reading/sidebar/reading-list-chunk';

export interface ChunkApis {
  feed: FeedChunkApi;
  'reading-list': ReadingListChunkApi;
  help: HelpChunkApi;
  glossary: GlossaryChunkApi;
}
