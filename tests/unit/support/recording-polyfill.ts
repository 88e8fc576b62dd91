/**
 * A stand-in for webextension-polyfill that answers any API call and records its path ("action.setBadgeText") and
 * arguments, so a test can show which browser APIs ran, or that none did. Use inside vi.mock's factory:
 * `vi.mock('webextension-polyfill', async () => ({ default: (await import('../support/recording-polyfill')).recordingPolyfill(calls) }))`.
 */
export interface ApiCall {
  path: string;
  args: unknown[];
}

/** What a recorded call resolves with: runtime.getURL gives a URL string, everything else a resolved undefined. */
function answer(path: string, args: unknown[]): unknown {
  if (path === 'runtime.getURL') return `chrome-extension://threadline-test/${String(args[0])}`;
  return Promise.resolve(undefined);
}

export function recordingPolyfill(calls: ApiCall[]): object {
  const node = (path: string): object =>
    new Proxy(function api() {}, {
      get: (_target, key) => (typeof key === 'symbol' || key === 'then' ? undefined : node(path ? `${path}.${key}` : key)),
      apply: (_target, _this, args: unknown[]) => {
        calls.push({ path, args });
        return answer(path, args);
      },
    });
  return node('');
}
