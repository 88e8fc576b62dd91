// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createGroupWatch } from '../../../src/shared/group-watch';

/** A stand-in IntersectionObserver: the test says which elements are near; observing a near one reports it at once. */
class FakeObserver {
  static last: FakeObserver;
  readonly observed = new Set<Element>();
  readonly near = new Set<Element>();
  constructor(readonly callback: (entries: Array<{ target: Element; isIntersecting: boolean }>) => void) {
    FakeObserver.last = this;
  }
  observe(element: Element) {
    this.observed.add(element);
    if (this.near.has(element)) this.callback([{ target: element, isIntersecting: true }]);
  }
  unobserve(element: Element) {
    this.observed.delete(element);
  }
  disconnect() {
    this.observed.clear();
  }
  set(element: Element, isIntersecting: boolean) {
    if (isIntersecting) this.near.add(element);
    else this.near.delete(element);
    if (this.observed.has(element)) this.callback([{ target: element, isIntersecting }]);
  }
}

function setup() {
  const view = Object.create(window) as Window & typeof globalThis;
  Object.defineProperty(view, 'IntersectionObserver', { value: FakeObserver });
  const events: string[] = [];
  const watch = createGroupWatch({
    view,
    groupOf: (element) => element.parentElement!,
    onNear: (elements) => events.push(`near ${elements.map((e) => e.id).join(',')}`),
    onFar: (elements) => events.push(`far ${elements.map((e) => e.id).join(',')}`),
  });
  const group = (...ids: string[]) => {
    const section = document.createElement('section');
    for (const id of ids) section.append(Object.assign(document.createElement('div'), { id }));
    document.body.append(section);
    return section;
  };
  return { watch, events, group, observer: () => FakeObserver.last };
}

describe('createGroupWatch', () => {
  it('observes one target per group and reports its members as the group comes and goes', () => {
    const { watch, events, group, observer } = setup();
    const first = group('a', 'b');
    const second = group('c');
    for (const element of [...first.children, ...second.children]) watch.watch(element);
    expect([...observer().observed]).toEqual([first, second]);
    observer().set(first, true);
    observer().set(first, true); // no change, no report
    observer().set(first, false);
    expect(events).toEqual(['near a,b', 'far a,b']);
  });

  it('reports an element watched while its group is already near at once', () => {
    const { watch, events, group, observer } = setup();
    const section = group('a', 'b');
    watch.watch(section.children[0]!);
    observer().set(section, true);
    watch.watch(section.children[1]!);
    expect(events).toEqual(['near a', 'near b']);
  });

  it('stops observing a group when its last member is unwatched or gone, and forgets removed elements', () => {
    const { watch, events, group, observer } = setup();
    const section = group('a', 'b');
    const [a, b] = [section.children[0]!, section.children[1]!];
    watch.watch(a);
    watch.watch(b);
    b.remove(); // re-rendered away
    observer().set(section, true);
    expect(events).toEqual(['near a']);
    watch.unwatch(a);
    expect(observer().observed.size).toBe(0);
    expect(watch.watched()).toEqual([]);
  });
});
