import { describe, expect, it } from 'vitest';
import { authorKeysOf, listAuthorOptions } from '../../../src/threads/filter-authors';

const anon = { author: 'Anonymous', isBlogOwner: false, removed: false };

describe('authorKeysOf', () => {
  it('gives an anonymous comment signed with a name both the anonymous and the name key', () => {
    expect(authorKeysOf(anon, "They never listen.\n'Getafix")).toEqual(['anonymous', 'name:getafix']);
  });

  it('gives a typed name its key and the blog owner the owner key', () => {
    expect(authorKeysOf({ author: 'Jim Brown', isBlogOwner: true, removed: false }, 'Thanks')).toEqual(['owner', 'name:jim brown']);
  });

  it('does not take a closing word such as "Thanks" for a signature', () => {
    expect(authorKeysOf(anon, 'Good post.\nThanks')).toEqual(['anonymous']);
  });
});

describe('listAuthorOptions', () => {
  it('offers Anonymous, the blog author, then names merged across typed and signed, most frequent first', () => {
    const options = listAuthorOptions([
      { record: anon, text: "Rubbish.\n'Getafix" },
      { record: { author: 'Getafix', isBlogOwner: false, removed: false }, text: 'Again.' },
      { record: { author: 'Pearly Gates', isBlogOwner: false, removed: false }, text: 'Hi' },
      { record: { author: 'Jim Brown', isBlogOwner: true, removed: false }, text: 'Post' },
      { record: anon, text: 'Plain' },
    ]);
    expect(options.map((o) => [o.key, o.count])).toEqual([
      ['anonymous', 2],
      ['owner', 1],
      ['name:getafix', 2],
      ['name:jim brown', 1],
      ['name:pearly gates', 1],
    ]);
    expect(options.find((o) => o.key === 'name:getafix')?.signed).toBe(true);
  });
});

describe('"Anonymous" with a profile or site link (issue #15)', () => {
  const account = { author: 'Anonymous', authorUrl: 'https://www.blogger.com/profile/01234567890123456789', isBlogOwner: false, removed: false };

  it('is an identified commenter, not anonymous, and is not read for a signature', () => {
    expect(authorKeysOf(account, "Rubbish.\n'Getafix")).toEqual(['name:anonymous']);
    expect(authorKeysOf({ ...account, authorUrl: null }, 'Plain')).toEqual(['anonymous']);
  });

  it('gets its own choice, labelled apart from the anonymous one', () => {
    const options = listAuthorOptions([
      { record: account, text: 'One' },
      { record: account, text: 'Two' },
      { record: anon, text: 'Three' },
    ]);
    expect(options.map((o) => [o.key, o.label, o.count])).toEqual([
      ['anonymous', 'Anonymous', 1],
      ['name:anonymous', 'Anonymous (with a profile)', 2],
    ]);
  });
});
