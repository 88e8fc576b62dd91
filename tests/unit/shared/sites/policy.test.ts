import { describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: {} }));
import { sitePolicy } from '../../../../src/shared/sites/policy';
import { DEFAULT_SETTINGS, normalizeSettings } from '../../../../src/shared/settings';

describe('site policy', () => {
  it('runs on the probation blog with the glossary on by default, under every host spelling', () => {
    expect(sitePolicy('probationmatters.blogspot.com', DEFAULT_SETTINGS)).toEqual({ run: true, glossary: true });
    expect(sitePolicy('probationmatters.blogspot.co.uk', DEFAULT_SETTINGS)).toEqual({ run: true, glossary: true });
  });

  it('lets the reader turn the glossary off on the probation blog', () => {
    const settings = normalizeSettings({ sites: { 'probationmatters.blogspot.com': { enabled: true, glossary: false } } });
    expect(sitePolicy('www.probationmatters.blogspot.com', settings)).toEqual({ run: true, glossary: false });
  });

  it('does not run on another blog until enabled, and keeps its glossary off unless asked', () => {
    expect(sitePolicy('another-blog.blogspot.com', DEFAULT_SETTINGS).run).toBe(false);
    const enabled = normalizeSettings({ sites: { 'another-blog.blogspot.com': { enabled: true } } });
    expect(sitePolicy('another-blog.blogspot.com', enabled)).toEqual({ run: true, glossary: false });
    const withGlossary = normalizeSettings({ sites: { 'another-blog.blogspot.com': { enabled: true, glossary: true } } });
    expect(sitePolicy('Another-Blog.blogspot.com', withGlossary)).toEqual({ run: true, glossary: true });
    const disabled = normalizeSettings({ sites: { 'another-blog.blogspot.com': { enabled: false, glossary: true } } });
    expect(sitePolicy('another-blog.blogspot.com', disabled).run).toBe(false);
  });
});
