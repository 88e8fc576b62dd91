/** Schedules glossary scans: each comment body once it comes near the screen, a few milliseconds at a time in idle time. */
import { createGroupWatch } from '../../shared/group-watch';

/** How long one idle slice may scan before yielding (keeps every task far below 50 ms). */
const SLICE_MS = 8;

/** How far beyond the viewport (above and below) a body counts as near: one and a half screens. */
export const NEAR_MARGIN = '150% 0px';

export interface ScanQueue {
  /** Scan this element once it is near the screen (at once where there is no IntersectionObserver). */
  watch(element: Element): void;
  /** Scan this element soon, wherever it is (the post body, for instance). */
  push(element: Element): void;
  /** Scan everything still waiting, near or not, and every body watched from now on (the reader asked for page-wide counts). */
  scanAll(): void;
  stop(): void;
}

type Schedule = (run: () => void) => void;
type ScanView = Window & typeof globalThis;

const idleSchedule = (view: ScanView): Schedule =>
  typeof view.requestIdleCallback === 'function' ? (run) => view.requestIdleCallback(run, { timeout: 500 }) : (run) => view.setTimeout(run, 16);

export interface ScanQueueOptions {
  /** The container watched for a body (its thread group); the body itself by default. */
  groupOf?: (element: Element) => Element;
  schedule?: Schedule;
}

export function createScanQueue(view: ScanView, scan: (element: Element) => void, options: ScanQueueOptions = {}): ScanQueue {
  const schedule = options.schedule ?? idleSchedule(view);
  const queue: Element[] = [];
  let scheduled = false;
  let stopped = false;
  /** Once the reader asked for the whole page, bodies built later are scanned soon too, not when near. */
  let everything = false;

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

  const near = createGroupWatch({
    view,
    groupOf: options.groupOf ?? ((element) => element),
    rootMargin: NEAR_MARGIN,
    onNear(elements) {
      for (const element of elements) {
        near.unwatch(element);
        push(element);
      }
    },
  });

  return {
    watch(element) {
      if (stopped) return;
      if (everything) push(element);
      else near.watch(element);
    },
    push,
    scanAll() {
      everything = true;
      for (const element of near.watched()) {
        near.unwatch(element);
        if (element.isConnected) push(element);
      }
    },
    stop() {
      stopped = true;
      queue.length = 0;
      near.destroy();
    },
  };
}
