import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fillTemplate, formatMessage, SUBSTITUTION_MARKERS, t, type MessageEntry } from '../../../src/shared/i18n';

const english = JSON.parse(readFileSync('assets/_locales/en/messages.json', 'utf8')) as Record<string, MessageEntry>;

describe('messages', () => {
  it('fills named placeholders from positional substitutions, as browser.i18n does', () => {
    const entry: MessageEntry = { message: 'Read $READ$ of $TOTAL$', placeholders: { read: { content: '$1' }, total: { content: '$2' } } };
    expect(formatMessage(entry, ['3', '52'])).toBe('Read 3 of 52');
  });

  it('keeps a doubled dollar as one dollar and leaves a missing substitution empty', () => {
    expect(formatMessage({ message: 'Costs $$5 for $1' }, [])).toBe('Costs $5 for ');
  });

  it('answers the English message in unit tests, and the key itself for a message that is missing', () => {
    expect(t('extName')).toBe('Threadline');
    expect(t('nope' as never)).toBe('nope');
  });

  it('has a description for translators on every message, and placeholders that the message uses', () => {
    for (const [key, entry] of Object.entries(english)) {
      expect(entry.description, key).toBeTruthy();
      for (const name of Object.keys(entry.placeholders ?? {})) expect(entry.message.toLowerCase(), key).toContain(`$${name.toLowerCase()}$`);
    }
  });

  it('names messages with letters, digits and underscores only, as both browsers require', () => {
    for (const key of Object.keys(english)) expect(key).toMatch(/^[A-Za-z0-9_]+$/);
  });
});

describe('fillTemplate (browser messages asked once per key)', () => {
  it('gives what the browser gives for the substitutions, from the template it gave for the markers', () => {
    const entry = { message: 'Replies to $NAME$ ($COUNT$), $$5', placeholders: { name: { content: '$1' }, count: { content: '$2' } } };
    const template = formatMessage(entry, SUBSTITUTION_MARKERS);
    for (const substitutions of [['Getafix', '12'], ['A name', ''], ['only one'], []]) {
      expect(fillTemplate(template, substitutions)).toBe(formatMessage(entry, substitutions));
    }
    expect(fillTemplate('No substitutions', ['x'])).toBe('No substitutions');
  });
});
