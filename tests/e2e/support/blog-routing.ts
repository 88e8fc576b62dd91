/** Serves fixture pages at the blog's real URLs, aborts every other web request, and records what was asked for. */
import type { BrowserContext, Route } from 'playwright-core';
import { listFixtureResponse, type ListVariant } from '../../fixtures/serve-lists';
import { fixtureResponse } from './fixture-source';
import { latestFeedResponse } from '../../fixtures/serve-latest';

export interface RequestRecord {
  url: string;
  /** Playwright's resource type: 'document', 'fetch', 'xhr', 'image', 'script', ... */
  resourceType: string;
  /** 'served' when a fixture answered, 'aborted' when the harness refused it. */
  outcome: 'served' | 'aborted';
}

/** Hosts Threadline may talk to: the blog (all its host spellings) and Blogger's comment-form frame. */
export const BLOG_ORIGINS = [
  'https://probationmatters.blogspot.com',
  'https://www.probationmatters.blogspot.com',
  'https://probationmatters.blogspot.co.uk',
] as const;

export function isBlogUrl(url: string): boolean {
  try {
    return (BLOG_ORIGINS as readonly string[]).includes(new URL(url).origin);
  } catch {
    return false;
  }
}

let listVariant: ListVariant = 'base';

/**
 * Serve the blog's post lists, the growing post and the posts feed as built ('base') or after the growing post gained
 * comments ('more'). Route handlers run in the test's own process, so this takes effect at the next request; specs
 * that switch it set it back to 'base' after each test.
 */
export function serveListVariant(variant: ListVariant): void {
  listVariant = variant;
}

/**
 * Route every http(s) request of `context` through the fixtures. `record` receives each request (the e2e fixtures
 * keep a per-test list; `npm start` passes nothing). Extension and data URLs are left to the browser.
 */
export async function routeBlogToFixtures(context: BrowserContext, record: (entry: RequestRecord) => void = () => undefined): Promise<void> {
  await context.route(
    (url) => url.protocol === 'http:' || url.protocol === 'https:',
    async (route: Route) => {
      const url = route.request().url();
      const resourceType = route.request().resourceType();
      const response = listFixtureResponse(url, listVariant) ?? latestFeedResponse(url) ?? fixtureResponse(url);
      if (response) {
        record({ url, resourceType, outcome: 'served' });
        await route.fulfill({ status: response.status, contentType: response.contentType, body: response.body });
      } else {
        record({ url, resourceType, outcome: 'aborted' });
        await route.abort();
      }
    },
  );
}
