/** Where the renderer main thread's time goes: a CDP trace of one page load, summed by kind of work (script, style, layout…). */
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** Kinds of main-thread work the trace is summed into, in the order they are printed. */
export const WORK_KINDS = ['script', 'style', 'layout', 'paint', 'parseHTML', 'gc', 'other'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

export interface Attribution {
  /** Main-thread time (thread clock where the trace has it), ms, summed over every top-level task. */
  totalMs: number;
  byKind: Record<WorkKind, number>;
  /** Style recalculations (UpdateLayoutTree) and layouts in the window. */
  styleRecalcs: number;
  layouts: number;
  /** Of those, the ones run inside script (forced synchronously by a read of layout or style). */
  forcedStyleRecalcs: number;
  forcedLayouts: number;
  /** Tasks of 50 ms or more (wall clock), and the kinds of work in the longest one. */
  longTasks: number;
  longestTaskMs: number;
  /** The same by thread time (CPU): on a loaded machine a task's wall time includes waiting for a core. */
  longTasksCpu: number;
  longestTaskCpuMs: number;
  longestTaskByKind: Record<WorkKind, number>;
  /** The script entry points of the longest task (function, file:line, or the event's type), largest first. */
  longestTaskScript: string[];
  /** DOM nodes in the page's renderer (CDP Memory.getDOMCounters) and JS event listeners, after the load settled. */
  domNodes: number;
  jsEventListeners: number;
  /** Elements in Threadline's shadow root (what it created), and its comment elements. */
  threadlineElements: number;
  threadlineComments: number;
}

/** Trace categories: the DevTools timeline (tasks, style, layout, paint, parsing) and V8 (script, compile, GC). */
const CATEGORIES = [
  '-*',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.gc',
  'blink.user_timing',
];

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  tts?: number;
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; beginData?: { url?: string }; data?: { url?: string; functionName?: string; lineNumber?: number; type?: string } };
}

const SCRIPT_EVENTS = new Set([
  'EvaluateScript',
  'FunctionCall',
  'TimerFire',
  'EventDispatch',
  'FireAnimationFrame',
  'FireIdleCallback',
  'RunMicrotasks',
  'XHRReadyStateChange',
  'XHRLoad',
  'CompileScript',
  'CompileCode',
  'CacheScript',
  'MutationObserverCallback',
  'ResizeObserverCallback',
  'IntersectionObserverCallback',
  'HandlePostMessage',
]);
const STYLE_EVENTS = new Set(['UpdateLayoutTree', 'RecalculateStyles', 'ParseAuthorStyleSheet', 'StyleInvalidatorInvalidationTracking']);
const LAYOUT_EVENTS = new Set(['Layout', 'UpdateLayout', 'IntersectionObserverController::computeIntersections', 'ComputeIntersections']);
const PAINT_EVENTS = new Set([
  'Paint',
  'PaintImage',
  'PaintSetup',
  'PrePaint',
  'UpdateLayer',
  'UpdateLayerTree',
  'CompositeLayers',
  'Layerize',
  'Commit',
  'Decode Image',
  'ImageDecodeTask',
  'RasterTask',
  'ScrollLayer',
]);

/** The kind of work an event's own (self) time is. */
export function kindOf(name: string): WorkKind {
  if (/GC|Scavenge|MinorMS|Mark-?Compact|Sweep|CppGC|ThreadState::/i.test(name) && !/^V8\.(Compile|Parse)/.test(name)) return 'gc';
  if (name === 'ParseHTML') return 'parseHTML';
  if (STYLE_EVENTS.has(name)) return 'style';
  if (LAYOUT_EVENTS.has(name)) return 'layout';
  if (PAINT_EVENTS.has(name)) return 'paint';
  if (SCRIPT_EVENTS.has(name) || /^v8\.|^V8\./.test(name)) return 'script';
  return 'other';
}

const zero = (): Record<WorkKind, number> => Object.fromEntries(WORK_KINDS.map((kind) => [kind, 0])) as Record<WorkKind, number>;

interface Span {
  name: string;
  start: number;
  end: number;
  /** Thread-clock duration when the trace has it (CPU time), else wall. */
  own: number;
  /** Where a script event entered (function, file:line, or event type). */
  label?: string;
  children: Span[];
}

function labelOf(e: TraceEvent): { label?: string } {
  const data = e.args?.data;
  if (!data || !SCRIPT_EVENTS.has(e.name)) return {};
  const where =
    data.functionName || data.url ? `${data.functionName || '(anonymous)'} ${(data.url ?? '').split('/').pop()}:${data.lineNumber ?? '?'}` : '';
  return { label: `${e.name}${data.type ? ` ${data.type}` : ''}${where ? ` ${where}` : ''}` };
}

/** Script entry points under a span (outermost labelled script events), with their durations. */
function scriptEntries(span: Span, into: Array<{ label: string; ms: number }>): void {
  if (span.label) {
    const inner = span.children.find((child) => child.label);
    into.push({ label: inner ? `${span.label} → ${inner.label}` : span.label, ms: span.own / 1000 });
    return;
  }
  for (const child of span.children) scriptEntries(child, into);
}

/** Complete and begin/end events of one thread as nested spans (wall-clock nesting, thread-clock durations). */
function spansOf(events: TraceEvent[]): Span[] {
  const flat: Array<Omit<Span, 'children'>> = [];
  const open = new Map<string, TraceEvent[]>();
  for (const e of events) {
    if (e.ph === 'X' && e.dur !== undefined) flat.push({ name: e.name, start: e.ts, end: e.ts + e.dur, own: e.tdur ?? e.dur, ...labelOf(e) });
    else if (e.ph === 'B') {
      const stack = open.get(e.name) ?? [];
      stack.push(e);
      open.set(e.name, stack);
    } else if (e.ph === 'E') {
      const begin = open.get(e.name)?.pop();
      if (begin)
        flat.push({
          name: e.name,
          start: begin.ts,
          end: e.ts,
          own: begin.tts !== undefined && e.tts !== undefined ? e.tts - begin.tts : e.ts - begin.ts,
        });
    }
  }
  flat.sort((a, b) => a.start - b.start || b.end - a.end);
  const roots: Span[] = [];
  const stack: Span[] = [];
  for (const item of flat) {
    const span: Span = { ...item, children: [] };
    while (stack.length && stack[stack.length - 1]!.end <= span.start) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent && span.end <= parent.end + 1) parent.children.push(span);
    else {
      stack.length = 0;
      roots.push(span);
    }
    stack.push(span);
  }
  return roots;
}

interface Sums {
  byKind: Record<WorkKind, number>;
  styleRecalcs: number;
  layouts: number;
  forcedStyleRecalcs: number;
  forcedLayouts: number;
}

/** Adds a span's self time to its kind (a span of kind "other" under a known kind counts as that kind), recursively. */
function sum(span: Span, inherited: WorkKind | null, inScript: boolean, into: Sums): void {
  const own = kindOf(span.name);
  const kind = own === 'other' && inherited ? inherited : own;
  const childTime = span.children.reduce((total, child) => total + child.own, 0);
  into.byKind[kind] += Math.max(0, span.own - childTime) / 1000;
  if (span.name === 'UpdateLayoutTree') {
    into.styleRecalcs += 1;
    if (inScript) into.forcedStyleRecalcs += 1;
  } else if (span.name === 'Layout') {
    into.layouts += 1;
    if (inScript) into.forcedLayouts += 1;
  }
  const childInScript = inScript || own === 'script';
  for (const child of span.children) sum(child, kind === 'other' ? inherited : kind, childInScript, into);
}

/** The page's renderer main thread: the CrRendererMain thread that parsed the HTML of `url` for longest. */
function mainThreadOf(events: TraceEvent[], url: string): { pid: number; tid: number } | null {
  const mains = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`),
  );
  const parsed = new Map<string, number>();
  for (const e of events) {
    if (e.name !== 'ParseHTML' || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const parsedUrl = e.args?.beginData?.url ?? '';
    if (parsedUrl.split('#')[0] !== url.split('#')[0]) continue;
    parsed.set(`${e.pid}:${e.tid}`, (parsed.get(`${e.pid}:${e.tid}`) ?? 0) + (e.dur ?? 1));
  }
  const best = [...parsed].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!best) return null;
  const [pid, tid] = best.split(':').map(Number) as [number, number];
  return { pid, tid };
}

/** Sums a trace (its events) on the page's main thread; null when the page's thread is not in it. */
export function attribute(
  events: TraceEvent[],
  url: string,
): Omit<Attribution, 'domNodes' | 'jsEventListeners' | 'threadlineElements' | 'threadlineComments'> | null {
  const main = mainThreadOf(events, url);
  if (!main) return null;
  const spans = spansOf(events.filter((e) => e.pid === main.pid && e.tid === main.tid));
  const total: Sums = { byKind: zero(), styleRecalcs: 0, layouts: 0, forcedStyleRecalcs: 0, forcedLayouts: 0 };
  let longTasks = 0;
  let longTasksCpu = 0;
  let longestCpu = 0;
  let longest: { wall: number; byKind: Record<WorkKind, number>; span: Span | null } = { wall: 0, byKind: zero(), span: null };
  for (const root of spans) {
    const task: Sums = { byKind: zero(), styleRecalcs: 0, layouts: 0, forcedStyleRecalcs: 0, forcedLayouts: 0 };
    sum(root, null, false, task);
    for (const kind of WORK_KINDS) total.byKind[kind] += task.byKind[kind];
    total.styleRecalcs += task.styleRecalcs;
    total.layouts += task.layouts;
    total.forcedStyleRecalcs += task.forcedStyleRecalcs;
    total.forcedLayouts += task.forcedLayouts;
    const wall = (root.end - root.start) / 1000;
    if (wall >= 50) longTasks += 1;
    const cpu = root.own / 1000;
    if (cpu >= 50) longTasksCpu += 1;
    longestCpu = Math.max(longestCpu, cpu);
    if (wall > longest.wall) longest = { wall, byKind: task.byKind, span: root };
  }
  const round = (value: number) => Math.round(value * 10) / 10;
  const rounded = (record: Record<WorkKind, number>) =>
    Object.fromEntries(WORK_KINDS.map((kind) => [kind, round(record[kind])])) as Record<WorkKind, number>;
  return {
    totalMs: round(WORK_KINDS.reduce((all, kind) => all + total.byKind[kind], 0)),
    byKind: rounded(total.byKind),
    styleRecalcs: total.styleRecalcs,
    layouts: total.layouts,
    forcedStyleRecalcs: total.forcedStyleRecalcs,
    forcedLayouts: total.forcedLayouts,
    longTasks,
    longestTaskMs: round(longest.wall),
    longTasksCpu,
    longestTaskCpuMs: round(longestCpu),
    longestTaskByKind: rounded(longest.byKind),
    longestTaskScript: topEntries(longest.span),
  };
}

function topEntries(span: Span | null): string[] {
  if (!span) return [];
  const entries: Array<{ label: string; ms: number }> = [];
  scriptEntries(span, entries);
  return entries
    .sort((a, b) => b.ms - a.ms)
    .slice(0, 3)
    .map((entry) => `${entry.label} (${Math.round(entry.ms * 10) / 10} ms)`);
}

/** Starts a trace on the page's CDP session; the returned function ends it and resolves with its events. */
export async function startTrace(cdp: CDPSession): Promise<() => Promise<TraceEvent[]>> {
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (payload) => {
    for (const event of payload.value as unknown as TraceEvent[]) events.push(event);
  });
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const complete = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await complete;
    return events;
  };
}

/** What Threadline created and what the renderer holds, read on the settled page. */
export async function domCounts(
  page: Page,
  cdp: CDPSession,
): Promise<Pick<Attribution, 'domNodes' | 'jsEventListeners' | 'threadlineElements' | 'threadlineComments'>> {
  const counters = (await cdp.send('Memory.getDOMCounters')) as { nodes: number; jsEventListeners: number };
  const created = await page.evaluate(() => {
    const root = document.querySelector('[data-thread-root]')?.shadowRoot;
    return {
      elements: root ? root.querySelectorAll('*').length + 1 : 0,
      comments: root?.querySelectorAll('[data-thread-comment]').length ?? 0,
    };
  });
  return {
    domNodes: counters.nodes,
    jsEventListeners: counters.jsEventListeners,
    threadlineElements: created.elements,
    threadlineComments: created.comments,
  };
}

export type { TraceEvent, BrowserContext };
