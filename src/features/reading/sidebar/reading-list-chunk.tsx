/** Entry of the reading-list chunk (reading-list.js): the in-page sidebar frame, the list and its styles, injected on first opening. */
import { registerChunk } from '../../../shared/chunks';
import { ReadingList, type ReadingListProps } from './ReadingList';
import sidebarStyles from './sidebar.css';
import { SidebarPanel, type SidebarPanelProps } from './SidebarPanel';

export type ReadingSidebarProps = Omit<SidebarPanelProps, 'children'> & Omit<ReadingListProps, 'children'>;

/** The sidebar with the reading list inside (rendered only while open), carrying its own styles into the shadow root. */
export function ReadingSidebar({ store, onOpen, groupExtra, ...panel }: ReadingSidebarProps) {
  return (
    <>
      <style>{sidebarStyles}</style>
      <SidebarPanel {...panel}>{panel.open && <ReadingList store={store} onOpen={onOpen} groupExtra={groupExtra} />}</SidebarPanel>
    </>
  );
}

export interface ReadingListChunkApi {
  ReadingSidebar: typeof ReadingSidebar;
}

registerChunk('reading-list', { ReadingSidebar } satisfies ReadingListChunkApi);
