/** The reader's two error types: markup it cannot understand (ReaderError) and feed failures (FeedError). */

/** Thrown when a page has a comment section whose markup the reader does not understand. */
export class ReaderError extends Error {
  override readonly name = 'ReaderError';
}

/** Thrown when the comment feed cannot be fetched or its JSON is not a Blogger feed. */
export class FeedError extends Error {
  override readonly name = 'FeedError';
}
