/** Schedules glossary scans: each comment body once it comes near the screen, a few milliseconds at a time in idle time. */

/** How long one idle slice may scan before yielding (keeps every task far below 50 ms). */
const SLICE_MS = 8;

/** How far beyond the viewport (above and below) a body counts as near: one and a half screens. */
export const NEAR_MARGIN = '150% 0px';

export interface ScanQueue {
  /** Scan this element once it is near the screen (at once where there is no IntersectionObserver). */
  watch(element: Element): void;
  /** Scan this element soon, wherever it is (the post body, for instance). */
  push(element: Element): void;
  /** Scan everything still waiting, near or not (the reader asked for page-wide counts). */
  scanAll(): void;
  stop(): void;
}

type Schedule = (run: () => void) => void;
type ScanView = Window & typeof globalThis;

const idleSchedule = (view: ScanView): Schedule =>
  typeof view.requestIdleCallback === 'function' ? (run) => view.requestIdleCallback(run, { timeout: 500 }) : (run) => view.setTimeout(run, 16);

export function createScanQueue(view: ScanView, scan: (element: Element) => void, schedule: Schedule = idleSchedule(view)): ScanQueue {
  const queue: Element[] = [];
  const waiting = new Set<Element>();
  let scheduled = false;
  let stopped = false;

  const drain = () => {
    scheduled = false;
    if (stopped) return;
    const until = performance.now() + SLICE_MS;
    while (queue.length > 0 && performance.now() < until) {
      const element = queue.shift()!;
      if (element.isConnected) scan(element);
    }
    if (queue.length > 0) kick();
  };
  const kick = () => {
    if (scheduled || stopped) return;
    scheduled = true;
    schedule(drain);
  };
  const push = (element: Element) => {
    if (stopped) return;
    queue.push(element);
    kick();
  };

  const observer =
    typeof view.IntersectionObserver === 'function'
      ? new view.IntersectionObserver(
          (entries) => {
            for (const entry of entries) {
              if (!entry.isIntersecting || !waiting.delete(entry.target)) continue;
              observer?.unobserve(entry.target);
              push(entry.target);
            }
          },
          { rootMargin: NEAR_MARGIN },
        )
      : null;

  return {
    watch(element) {
      if (!observer) return push(element);
      if (stopped || waiting.has(element)) return;
      waiting.add(element);
      observer.observe(element);
    },
    push,
    scanAll() {
      for (const element of waiting) {
        observer?.unobserve(element);
        if (element.isConnected) push(element);
      }
      waiting.clear();
    },
    stop() {
      stopped = true;
      queue.length = 0;
      waiting.clear();
      observer?.disconnect();
    },
  };
}
