import { describe, expect, it } from 'vitest';
import { chunkEnd, nextChunkBudget } from '../../../src/ui/ThreadList';

describe('chunkEnd', () => {
  it('takes whole groups from the start while they fit in the budget', () => {
    expect(chunkEnd([8, 8, 8, 8], 0, 20)).toBe(2);
    expect(chunkEnd([8, 8, 8, 8], 2, 20)).toBe(4);
    expect(chunkEnd([8, 8, 8, 8], 4, 20)).toBe(4);
  });

  it('always takes at least one group, however big', () => {
    expect(chunkEnd([300, 8], 0, 20)).toBe(1);
  });
});

describe('nextChunkBudget', () => {
  it('grows the chunk when the last one took less than the target, at most doubling', () => {
    expect(nextChunkBudget(20, 5)).toBe(40);
    expect(nextChunkBudget(20, 1)).toBe(40);
  });

  it('shrinks the chunk when the last one took longer than the target', () => {
    expect(nextChunkBudget(40, 20)).toBe(20);
  });

  it('stays within its floor and ceiling', () => {
    expect(nextChunkBudget(20, 500)).toBe(10);
    expect(nextChunkBudget(150, 1)).toBe(160);
  });
});
