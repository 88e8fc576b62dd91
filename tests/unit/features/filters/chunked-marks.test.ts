import { describe, expect, it } from 'vitest';
import { ChunkedMarkWriter } from '../../../../src/features/filters/chunked-marks';
import { IdSetStore } from '../../../../src/ui/store';

function manualScheduler() {
  const queue: Array<() => void> = [];
  return {
    schedule: (task: () => void) => void queue.push(task),
    runOne: () => queue.shift()?.(),
    get pending() {
      return queue.length;
    },
  };
}

const ids = (n: number, prefix = 'c') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

describe('ChunkedMarkWriter', () => {
  it('applies at most the given number of changes per task until the sets match', () => {
    const scheduler = manualScheduler();
    const hidden = new IdSetStore(ids(3, 'old'));
    const notified: number[] = [];
    hidden.subscribeAll(() => notified.push(hidden.size));
    let done = false;
    new ChunkedMarkWriter(scheduler.schedule, 4).write([{ store: hidden, next: new Set(ids(7)) }], () => (done = true));
    expect(notified).toHaveLength(1); // the first chunk runs at once
    while (scheduler.pending > 0) scheduler.runOne();
    expect(new Set(hidden.values())).toEqual(new Set(ids(7)));
    expect(notified).toHaveLength(3); // 10 changes in chunks of 4
    expect(done).toBe(true);
  });

  it('lets a newer write supersede one in progress', () => {
    const scheduler = manualScheduler();
    const hidden = new IdSetStore();
    const writer = new ChunkedMarkWriter(scheduler.schedule, 2);
    writer.write([{ store: hidden, next: new Set(ids(6)) }]);
    writer.write([{ store: hidden, next: new Set(['c0']) }]);
    while (scheduler.pending > 0) scheduler.runOne();
    expect(hidden.values()).toEqual(['c0']);
  });

  it('works through several stores in order within one budget', () => {
    const scheduler = manualScheduler();
    const context = new IdSetStore();
    const hidden = new IdSetStore();
    new ChunkedMarkWriter(scheduler.schedule, 3).write([
      { store: context, next: new Set(['a', 'b']) },
      { store: hidden, next: new Set(['x', 'y']) },
    ]);
    expect(context.size).toBe(2);
    expect(hidden.size).toBe(1);
    scheduler.runOne();
    expect(hidden.size).toBe(2);
  });
});
