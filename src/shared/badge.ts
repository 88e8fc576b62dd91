/** The toolbar badge's text rule, shared by the features that set the badge (new comments on this post, followed posts). */

/** The toolbar badge text for a count ("" clears it; the badge holds at most 4 characters, so "999+" past 999). */
export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}
