/** The thread group: the element ThreadList renders around every eight top-level threads, and how to find it. */

export const THREAD_GROUP_CLASS = 'thread-group';

/** The thread group an element of the view sits in (what watchers of many comments observe instead of each one). */
export function threadGroupOf(element: Element): Element {
  return element.closest(`.${THREAD_GROUP_CLASS}`) ?? element;
}
