/** The list-page path of the content script: on the blog's post lists, runs only the features that declare `pages: ['list']`. */
import { readPostList } from '../blogger/post-list';
import { warnOnce } from '../shared/log';
import { runsOn, type Feature } from '../ui/feature';
import { runListFeatures } from '../ui/run-features';
import type { PageRun, SiteGate } from './site-gate';

/**
 * Start the list features on a list page (no thread view, no toolbar). Null, and the page untouched, when the page is
 * not a list page or no feature runs there. The run stops when Threadline is disabled for the site.
 */
export function startListPage(doc: Document, url: string, site: SiteGate, features: readonly Feature[]): PageRun | null {
  const listFeatures = features.filter((feature) => runsOn(feature, 'list'));
  if (listFeatures.length === 0) return null;
  let list: ReturnType<typeof readPostList>;
  try {
    list = readPostList(doc, url);
  } catch (error) {
    warnOnce('could not read the posts of this list page; it is left as it is.', error);
    return null;
  }
  if (!list) return null;
  const life = new AbortController();
  const run: PageRun = { signal: life.signal, destroy: () => life.abort() };
  const started = runListFeatures(
    listFeatures,
    { settings: site.settings, host: site.host, url, list, doc, win: doc.defaultView ?? window },
    life.signal,
  );
  if (started === 0) {
    life.abort();
    return null;
  }
  site.attach(run);
  return run;
}
