import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { packageProblems, zipProblems } from '../../../scripts/package';
import { CHUNKS } from '../../../src/shared/chunks';

const manifest = JSON.stringify({ version: '1.2.3', icons: { '48': 'icons/icon-48.png' }, background: { service_worker: 'background.js' } });
const chunkFiles = Object.values(CHUNKS).map((chunk) => chunk.file);
const clean = ['manifest.json', 'background.js', 'content.js', ...chunkFiles, 'icons/icon-48.png'];

describe('store package check', () => {
  it('passes a clean build', () => {
    expect(packageProblems(clean, manifest, '1.2.3')).toEqual([]);
  });

  it('names source maps, tests, node_modules, sources and the e2e harness page', () => {
    const problems = packageProblems(
      [...clean, 'content.js.map', 'tests/unit/a.test.ts', 'node_modules/x/index.js', 'src/content/start.ts', 'e2e-harness.html'],
      manifest,
      '1.2.3',
    );
    expect(problems.join('\n')).toMatch(/content\.js\.map: source map/);
    expect(problems.join('\n')).toMatch(/tests\/unit\/a\.test\.ts/);
    expect(problems.join('\n')).toMatch(/node_modules/);
    expect(problems.join('\n')).toMatch(/src\/content\/start\.ts/);
    expect(problems.join('\n')).toMatch(/e2e-harness\.html/);
  });

  it('catches a version that is not package.json’s, a missing icon, a missing background script and a missing on-demand chunk', () => {
    expect(packageProblems(['manifest.json'], manifest, '9.9.9')).toEqual([
      'manifest version 1.2.3 is not package.json’s 9.9.9'.replace('’', "'"),
      'icon icons/icon-48.png missing',
      'background background.js missing',
      'feed.js missing (the feed reader, injected on demand)',
    ]);
  });

  it('catches a content script or stylesheet the manifest names but the build did not write', () => {
    const withContent = JSON.stringify({
      ...JSON.parse(manifest),
      content_scripts: [{ js: ['early.js'], css: ['early.css'] }, { js: ['content.js'] }],
    });
    expect(packageProblems([...clean, 'early.js', 'early.css'], withContent, '1.2.3')).toEqual([]);
    expect(packageProblems([...clean, 'early.js'], withContent, '1.2.3')).toEqual(['content script early.css missing']);
  });

  it('reads the zip back rather than trusting the file list', () => {
    const encode = (text: string) => new TextEncoder().encode(text);
    const zip = zipSync({
      'manifest.json': encode(manifest),
      'background.js': encode(''),
      ...Object.fromEntries(chunkFiles.map((file) => [file, encode('')])),
      'icons/icon-48.png': encode(''),
      'x.js.map': encode('{}'),
    });
    expect(zipProblems(zip, '1.2.3')).toEqual(['x.js.map: source map']);
  });
});
