// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createScanQueue, NEAR_MARGIN } from '../../../../src/features/glossary/scan-queue';
import { FakeIntersectionObserver, viewWithObserver } from '../../support/fake-intersection-observer';

function setup(withObserver = true, groupOf?: (element: Element) => Element) {
  const scanned: Element[] = [];
  const pending: Array<() => void> = [];
  const view = viewWithObserver(withObserver);
  const queue = createScanQueue(view, (element) => scanned.push(element), { schedule: (run) => pending.push(run), groupOf });
  const runIdle = () => {
    while (pending.length > 0) pending.shift()!();
  };
  const body = (text: string) => {
    const element = document.createElement('div');
    element.textContent = text;
    document.body.append(element);
    return element;
  };
  return { queue, scanned, runIdle, body, observer: () => FakeIntersectionObserver.last! };
}

describe('createScanQueue', () => {
  it('scans a watched body only once it comes near the screen, in idle time', () => {
    const { queue, scanned, runIdle, body, observer } = setup();
    const far = body('far');
    const near = body('near');
    queue.watch(far);
    queue.watch(near);
    runIdle();
    expect(scanned).toEqual([]);
    observer().show(near);
    expect(scanned).toEqual([]); // not inside the observer's callback ...
    runIdle();
    expect(scanned).toEqual([near]); // ... but in the next idle slice
    expect(observer().options.rootMargin).toBe(NEAR_MARGIN);
  });

  it('ignores a body leaving the screen and scans each body once', () => {
    const { queue, scanned, runIdle, body, observer } = setup();
    const element = body('x');
    queue.watch(element);
    queue.watch(element);
    observer().show(element, false);
    runIdle();
    expect(scanned).toEqual([]);
    observer().show(element);
    observer().show(element);
    runIdle();
    expect(scanned).toEqual([element]);
  });

  it('scans every waiting body when the reader asks for page-wide counts', () => {
    const { queue, scanned, runIdle, body, observer } = setup();
    const bodies = [body('a'), body('b'), body('c')];
    for (const element of bodies) queue.watch(element);
    bodies[2]!.remove(); // re-rendered away before it was scanned
    queue.scanAll();
    runIdle();
    expect(scanned).toEqual(bodies.slice(0, 2));
    expect(observer().observed.size).toBe(0);
  });

  it('after page-wide counts were asked for, scans bodies built later without waiting for them to near the screen', () => {
    const { queue, scanned, runIdle, body, observer } = setup();
    queue.scanAll();
    const later = body('built far below, after the panel opened');
    queue.watch(later);
    runIdle();
    expect(scanned).toEqual([later]);
    expect(observer().observed.size).toBe(0);
  });

  it('scans pushed elements at once, near or not, and nothing after stop', () => {
    const { queue, scanned, runIdle, body, observer } = setup();
    const post = body('post');
    queue.push(post);
    runIdle();
    expect(scanned).toEqual([post]);
    const later = body('later');
    queue.watch(later);
    queue.stop();
    observer().show(later);
    runIdle();
    expect(scanned).toEqual([post]);
  });

  it("observes the group that holds bodies, not each body, and scans a group's bodies when it comes near", () => {
    const group = document.createElement('section');
    document.body.append(group);
    const { queue, scanned, runIdle, observer } = setup(true, (element) => element.closest('section') ?? element);
    const inGroup = (text: string) => {
      const element = document.createElement('div');
      element.textContent = text;
      group.append(element);
      return element;
    };
    const [first, second, late] = [inGroup('a'), inGroup('b'), inGroup('c')];
    queue.watch(first);
    queue.watch(second);
    expect([...observer().observed]).toEqual([group]);
    observer().show(group);
    runIdle();
    expect(scanned).toEqual([first, second]);
    queue.watch(late); // rendered into a group already near the screen: scanned without waiting for a change
    runIdle();
    expect(scanned).toEqual([first, second, late]);
  });

  it('falls back to scanning every body where there is no IntersectionObserver', () => {
    const { queue, scanned, runIdle, body } = setup(false);
    const element = body('x');
    queue.watch(element);
    runIdle();
    expect(scanned).toEqual([element]);
  });
});
