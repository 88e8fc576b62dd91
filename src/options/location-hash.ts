/** Reads the options page's address hash: the section to show and, for "#glossary?define=TOKEN", the term to prefill. */

export interface OptionsTarget {
  section: string | null;
  define: string | null;
}

export function parseOptionsHash(hash: string): OptionsTarget {
  const value = hash.replace(/^#/, '');
  if (!value) return { section: null, define: null };
  const queryAt = value.indexOf('?');
  const section = (queryAt >= 0 ? value.slice(0, queryAt) : value).trim();
  let define: string | null = null;
  if (queryAt >= 0) {
    const raw = new URLSearchParams(value.slice(queryAt + 1)).get('define');
    define = raw ? raw.trim().slice(0, 40) || null : null;
  }
  return { section: /^[a-z][a-z0-9-]{0,40}$/.test(section) ? section : null, define };
}
