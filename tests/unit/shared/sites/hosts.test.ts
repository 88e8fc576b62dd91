import { describe, expect, it } from 'vitest';
import { hostOfPattern, hostOfUrl, isBlogspotHost, isProbationHost, normalizeHost, originPatternsFor } from '../../../../src/shared/sites/hosts';

describe('hosts', () => {
  it('takes the lower-case host of http(s) pages only', () => {
    expect(hostOfUrl('https://Another-Blog.blogspot.com/2024/03/x.html#c1')).toBe('another-blog.blogspot.com');
    expect(hostOfUrl('http://www.example.org:8080/')).toBe('www.example.org');
    expect(hostOfUrl('chrome://extensions')).toBeNull();
    expect(hostOfUrl('moz-extension://abc/popup.html')).toBeNull();
    expect(hostOfUrl('not a url')).toBeNull();
    expect(hostOfUrl(undefined)).toBeNull();
  });

  it('refuses IP literals, wildcards and malformed names', () => {
    expect(normalizeHost('192.168.0.1')).toBeNull();
    expect(normalizeHost('*.blogspot.com')).toBeNull();
    expect(normalizeHost('-bad-.com')).toBeNull();
    expect(normalizeHost('localhost')).toBeNull();
    expect(normalizeHost('Blog.Example.ORG.')).toBe('blog.example.org');
  });

  it('knows the probation blog under each of its spellings, and no look-alike', () => {
    expect(isProbationHost('probationmatters.blogspot.com')).toBe(true);
    expect(isProbationHost('www.probationmatters.blogspot.com')).toBe(true);
    expect(isProbationHost('probationmatters.blogspot.co.uk')).toBe(true);
    expect(isProbationHost('probationmatters.blogspot.com.evil.org')).toBe(false);
  });

  it('recognises blogspot hosts including country domains, not look-alikes', () => {
    expect(isBlogspotHost('another-blog.blogspot.com')).toBe(true);
    expect(isBlogspotHost('someone.blogspot.co.uk')).toBe(true);
    expect(isBlogspotHost('someone.blogspot.de')).toBe(true);
    expect(isBlogspotHost('blogspot.com')).toBe(false);
    expect(isBlogspotHost('someone.blogspot.com.evil.org')).toBe(false);
    expect(isBlogspotHost('notblogspot.com')).toBe(false);
  });

  it('asks for one host on https and http, and reads the host back from those patterns only', () => {
    expect(originPatternsFor('a.blogspot.com')).toEqual(['https://a.blogspot.com/*', 'http://a.blogspot.com/*']);
    for (const pattern of originPatternsFor('a.blogspot.com')) expect(hostOfPattern(pattern)).toBe('a.blogspot.com');
    expect(hostOfPattern('https://*/*')).toBeNull();
    expect(hostOfPattern('*://*.example.org/*')).toBeNull();
    expect(hostOfPattern('<all_urls>')).toBeNull();
  });
});
