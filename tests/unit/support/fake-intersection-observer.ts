/** A stand-in IntersectionObserver for jsdom: the test says which elements are near; observing a near one reports it at once, as the real first notice does. */
export class FakeIntersectionObserver {
  static last: FakeIntersectionObserver | null = null;
  readonly observed = new Set<Element>();
  readonly near = new Set<Element>();
  constructor(
    readonly callback: (entries: Array<{ target: Element; isIntersecting: boolean }>) => void,
    readonly options: { rootMargin?: string } = {},
  ) {
    FakeIntersectionObserver.last = this;
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
  /** Move an element near the screen (or away) and notify, if it is observed. */
  show(element: Element, isIntersecting = true) {
    if (isIntersecting) this.near.add(element);
    else this.near.delete(element);
    if (this.observed.has(element)) this.callback([{ target: element, isIntersecting }]);
  }
}

/** A window whose IntersectionObserver is the stand-in (or missing). */
export function viewWithObserver(withObserver = true): Window & typeof globalThis {
  const view = Object.create(window) as Window & typeof globalThis;
  Object.defineProperty(view, 'IntersectionObserver', { value: withObserver ? FakeIntersectionObserver : undefined });
  return view;
}
