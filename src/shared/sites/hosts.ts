/** Which hosts Threadline knows: the On Probation blog's built-in hosts, Blogger hosts, and the match patterns for a host. */

/** The On Probation blog's hosts; the manifest's content script and host permissions cover exactly these. */
export const PROBATION_HOSTS: readonly string[] = [
  'probationmatters.blogspot.com',
  'www.probationmatters.blogspot.com',
  'probationmatters.blogspot.co.uk',
];

/** The settings key of the probation blog's per-site switches (one entry for all its host spellings). */
export const PROBATION_SITE_KEY = 'probationmatters.blogspot.com';

const HOST_SHAPE = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** The lower-case host of an http(s) URL, or null for anything else (extension pages, file:, about:, bad input). */
export function hostOfUrl(url: string | undefined | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  return normalizeHost(parsed.hostname);
}

/** A valid DNS host name in lower case (no port, no IP literal, no wildcard), or null. */
export function normalizeHost(host: string): string | null {
  const lower = host.trim().toLowerCase().replace(/\.$/, '');
  if (!HOST_SHAPE.test(lower) || /^[\d.]+$/.test(lower)) return null;
  return lower;
}

export function isProbationHost(host: string): boolean {
  return PROBATION_HOSTS.includes(host.toLowerCase());
}

/** Blogger's own hosts: <blog>.blogspot.com and the country spellings (blogspot.co.uk, blogspot.de, ...). */
export function isBlogspotHost(host: string): boolean {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)*\.blogspot\.(com|[a-z]{2}|com?\.[a-z]{2})$/.test(host.toLowerCase());
}

/**
 * The match patterns for one host over https and http (permissions and script registration). Two patterns, not
 * "*://host/*": Chrome grants an optional permission only when one declared pattern contains the requested one.
 */
export function originPatternsFor(host: string): string[] {
  return [`https://${host}/*`, `http://${host}/*`];
}

/** The host a match pattern names, or null for wildcard patterns ("*://*\/*", "https://*.example.org/*"). */
export function hostOfPattern(pattern: string): string | null {
  const match = /^(?:\*|https?):\/\/([^/*]+)\/.*$/.exec(pattern);
  return match ? normalizeHost(match[1]!) : null;
}
