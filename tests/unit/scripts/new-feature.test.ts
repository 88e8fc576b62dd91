// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEATURE_NAME, featureSource, identifierOf, registered, testSource } from '../../../scripts/new-feature';

const list = readFileSync(new URL('../../../src/features/index.ts', import.meta.url), 'utf8');

describe('npm run new-feature', () => {
  it('takes lower-case hyphenated names only', () => {
    for (const good of ['latest', 'latest-comments', 'replies-2']) expect(FEATURE_NAME.test(good), good).toBe(true);
    for (const bad of ['Latest', 'latest_comments', '-x', 'x-', '../x', '']) expect(FEATURE_NAME.test(bad), bad).toBe(false);
    expect(identifierOf('latest-comments')).toBe('latestComments');
  });

  it('registers the feature with one import, in order, and one entry at the end of the list', () => {
    const next = registered(list, 'latest-comments');
    const added = next.split('\n').filter((line) => !list.split('\n').includes(line));
    expect(added).toEqual(["import latestComments from './latest-comments/feature';", '  latestComments,']);
    const imports = next.split('\n').filter((line) => /^import \w+ from '\.\//.test(line));
    expect(imports).toEqual([...imports].sort());
    expect(next.indexOf('  latestComments,')).toBeGreaterThan(next.indexOf('  viewState,'));
  });

  it('writes a feature named after its folder and a test that mounts the real view with it', () => {
    expect(featureSource('latest')).toContain("id: 'latest'");
    expect(featureSource('latest')).toMatch(/^\/\*\* /);
    expect(testSource('latest')).toContain("from '../../../../src/features/latest/feature'");
    expect(testSource('latest')).toContain('mountView({ features: [feature] })');
  });
});
