/** Puts post-list badges beside the blog's comment links (each in its own shadow root) and takes them all away again. */
import { t } from '../../shared/i18n';
import type { Badge } from './counting';
import { BADGE_STYLES } from './badge-styles';

/** The attribute every badge host carries (the DOM contract's `[data-thread-new-count="<n>"]`). */
export const BADGE_ATTRIBUTE = 'data-thread-new-count';

/** One badge element: a host span (the public hooks) with a shadow root holding a link to the post. */
export function createBadge(doc: Document, badge: Badge): HTMLElement {
  const host = doc.createElement('span');
  host.setAttribute(BADGE_ATTRIBUTE, String(badge.count));
  if (badge.kind === 'new-post') host.setAttribute('data-thread-new-post', '');
  const root = host.attachShadow({ mode: 'open' });
  const style = doc.createElement('style');
  style.textContent = BADGE_STYLES;
  const link = doc.createElement('a');
  link.href = badge.href;
  if (badge.kind === 'new') {
    link.textContent = t('lists_new_count', badge.count);
    link.setAttribute('aria-label', t('lists_new_count_label', badge.count));
  } else {
    link.className = 'new-post';
    link.textContent = t('lists_new_post');
    link.setAttribute('aria-label', t('lists_new_post_label'));
  }
  root.append(style, link);
  return host;
}

/** Insert a badge right after the blog's comment link (inline, so only its own width moves anything). */
export function placeBadge(link: Element, badge: HTMLElement): void {
  link.after(badge);
}

/** Take badges out again; the page is as the blog drew it. */
export function removeBadges(badges: Iterable<Element>): void {
  for (const badge of badges) badge.remove();
}
