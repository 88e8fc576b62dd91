/** What other parts of Threadline may use of the reading list: the names of its comment marks. */
/** Comments saved on their own in the reading list. */
export const SAVED_MARK = 'saved';
/** Comments saved with all their replies. */
export const SAVED_THREAD_MARK = 'saved-thread';
/** Comments counted as read (on screen long enough). */
export const READ_MARK = 'read';
