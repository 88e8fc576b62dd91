/** What the popup can offer on a tab, from its address and the settings: page state, "enable here", or nothing. */
import { hostOfUrl, isBlogspotHost, isProbationHost } from '../shared/sites/hosts';
import { t } from '../shared/i18n';
import type { Settings } from '../shared/settings';

export type TabKind =
  /** Not a web page (new tab, browser page, extension page, file), or its address is unknown. */
  | { kind: 'none' }
  /** Threadline runs here: the probation blog, or a site the reader enabled and granted. */
  | { kind: 'active'; host: string; probation: boolean }
  /** A blogspot blog: Blogger for sure, so "Enable on this site" is offered at once. */
  | { kind: 'blogspot'; host: string }
  /** Any other web site: offered only if the page turns out to be a Blogger blog. */
  | { kind: 'other'; host: string };

export function tabKind(url: string | undefined, settings: Pick<Settings, 'sites'>, granted: (host: string) => boolean): TabKind {
  const host = hostOfUrl(url);
  if (!host) return { kind: 'none' };
  if (isProbationHost(host)) return { kind: 'active', host, probation: true };
  if (settings.sites[host]?.enabled && granted(host)) return { kind: 'active', host, probation: false };
  return isBlogspotHost(host) ? { kind: 'blogspot', host } : { kind: 'other', host };
}

/** "212 comments, 14 new, 3 saved". */
export function stateLine(state: { comments: number; new: number; saved: number }): string {
  const comments = state.comments === 1 ? t('popup_state_one_comment') : t('popup_state_comments', state.comments);
  return t('popup_state_line', comments, state.new, state.saved);
}
