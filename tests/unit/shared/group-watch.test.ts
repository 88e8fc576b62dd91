// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createGroupWatch } from '../../../src/shared/group-watch';
import { FakeIntersectionObserver, viewWithObserver } from '../support/fake-intersection-observer';

function setup() {
  const view = viewWithObserver();
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
  return { watch, events, group, observer: () => FakeIntersectionObserver.last! };
}

describe('createGroupWatch', () => {
  it('observes one target per group and reports its members as the group comes and goes', () => {
    const { watch, events, group, observer } = setup();
    const first = group('a', 'b');
    const second = group('c');
    for (const element of [...first.children, ...second.children]) watch.watch(element);
    expect([...observer().observed]).toEqual([first, second]);
    observer().show(first, true);
    observer().show(first, true); // no change, no report
    observer().show(first, false);
    expect(events).toEqual(['near a,b', 'far a,b']);
  });

  it('reports an element watched while its group is already near at once', () => {
    const { watch, events, group, observer } = setup();
    const section = group('a', 'b');
    watch.watch(section.children[0]!);
    observer().show(section, true);
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
    observer().show(section, true);
    expect(events).toEqual(['near a']);
    watch.unwatch(a);
    expect(observer().observed.size).toBe(0);
    expect(watch.watched()).toEqual([]);
  });
});
