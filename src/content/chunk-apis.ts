/** The API each on-demand chunk registers, by chunk name (types only: nothing here is bundled). */
import type { FeedChunkApi } from '../blogger/feed-chunk-api';
import type { GlossaryChunkApi } from '../glossary/glossary-chunk';
import type { HelpChunkApi } from '../ui/keyboard/help-chunk';
import type { ReadingListChunkApi } from '../ui/sidebar/reading-list-chunk';

export interface ChunkApis {
  feed: FeedChunkApi;
  'reading-list': ReadingListChunkApi;
  help: HelpChunkApi;
  glossary: GlossaryChunkApi;
}
