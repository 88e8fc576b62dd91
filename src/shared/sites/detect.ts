/** Recognises a Blogger blog from its page (for custom domains): generator meta, _WidgetManager, #comment-holder. */

export interface BloggerSignals {
  /** `<meta name="generator" content="Blogger">`. */
  generator: boolean;
  /** An inline script that calls Blogger's `_WidgetManager`. */
  widgetManager: boolean;
  /** Blogger's threaded comment container `#comment-holder` (or the flat `#comments-block`). */
  commentHolder: boolean;
  /** A Blogger feed or post-service link (`blogger.com/feeds/...`). */
  bloggerFeed: boolean;
}

/**
 * Read the Blogger signals of a document. Self-contained on purpose: the popup runs it in the tab through
 * `scripting.executeScript({ func })`, which serialises the function, so it must not use anything from outside.
 */
export function readBloggerSignals(doc: Document = document): BloggerSignals {
  const generator = Array.from(doc.querySelectorAll('meta[name="generator" i]')).some((meta) =>
    /^blogger\b/i.test(meta.getAttribute('content') ?? ''),
  );
  const widgetManager = Array.from(doc.querySelectorAll('script:not([src])')).some((script) =>
    (script.textContent ?? '').includes('_WidgetManager._'),
  );
  const commentHolder = doc.querySelector('#comment-holder, #comments-block') !== null;
  const bloggerFeed = Array.from(doc.querySelectorAll('link[href]')).some((link) =>
    /^https?:\/\/(www\.)?blogger\.com\/(feeds|rsd\.g)/i.test(link.getAttribute('href') ?? ''),
  );
  return { generator, widgetManager, commentHolder, bloggerFeed };
}

/**
 * Whether the signals say "Blogger": the generator meta is enough on its own (Blogger writes it into every template);
 * without it, Blogger's widget script plus its comment markup or feed link (templates that drop the meta).
 */
export function isBloggerPage(signals: BloggerSignals): boolean {
  if (signals.generator) return true;
  return signals.widgetManager && (signals.commentHolder || signals.bloggerFeed);
}
