/**
 * An in-memory stand-in for browser.storage (local and sync) with onChanged events and quota failures, and for
 * browser.runtime.sendMessage (answered by a replaceable handler), for unit tests.
 */

type Changes = Record<string, { oldValue?: unknown; newValue?: unknown }>;
type Listener = (changes: Changes, area: string) => void;

export interface FakeArea {
  data: Map<string, unknown>;
  quotaBytes: number;
  get(keys: string[] | string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string[] | string): Promise<void>;
  clear(): Promise<void>;
}

export interface FakeBrowser {
  storage: {
    local: FakeArea;
    sync: FakeArea;
    onChanged: { addListener(listener: Listener): void; removeListener(listener: Listener): void };
  };
  runtime: {
    /** Every message sent, in order. */
    sent: unknown[];
    /** Answers a message (by default: nothing, as a background that does not know the message). */
    answer: (message: unknown) => unknown;
    sendMessage(message: unknown): Promise<unknown>;
  };
  /** Empty both areas, drop listeners, reset quotas and forget sent messages. */
  reset(): void;
  /** Wait until queued onChanged events have been delivered. */
  flush(): Promise<void>;
}

const clone = <T>(value: T): T => (value === undefined ? value : JSON.parse(JSON.stringify(value)));

function bytesOf(data: Map<string, unknown>): number {
  let total = 0;
  for (const [key, value] of data) total += new TextEncoder().encode(key + JSON.stringify(value)).length;
  return total;
}

export function createFakeBrowser(): FakeBrowser {
  const listeners = new Set<Listener>();
  let generation = 0;
  const emit = (changes: Changes, area: string) => {
    if (Object.keys(changes).length === 0) return;
    const sentIn = generation;
    setTimeout(() => {
      if (sentIn !== generation) return;
      for (const listener of [...listeners]) listener(clone(changes), area);
    }, 0);
  };
  const makeArea = (name: string): FakeArea => {
    const area: FakeArea = {
      data: new Map(),
      quotaBytes: Infinity,
      async get(keys) {
        const list = keys === null ? [...area.data.keys()] : typeof keys === 'string' ? [keys] : keys;
        const out: Record<string, unknown> = {};
        for (const key of list) if (area.data.has(key)) out[key] = clone(area.data.get(key));
        return out;
      },
      async set(items) {
        const next = new Map(area.data);
        for (const [key, value] of Object.entries(items)) next.set(key, clone(value));
        if (bytesOf(next) > area.quotaBytes) throw new Error(`QUOTA_BYTES quota exceeded in storage.${name}`);
        const changes: Changes = {};
        for (const [key, value] of Object.entries(items)) {
          changes[key] = { oldValue: clone(area.data.get(key)), newValue: clone(value) };
          area.data.set(key, clone(value));
        }
        emit(changes, name);
      },
      async remove(keys) {
        const changes: Changes = {};
        for (const key of typeof keys === 'string' ? [keys] : keys) {
          if (!area.data.has(key)) continue;
          changes[key] = { oldValue: clone(area.data.get(key)) };
          area.data.delete(key);
        }
        emit(changes, name);
      },
      async clear() {
        area.data.clear();
      },
    };
    return area;
  };
  const fake: FakeBrowser = {
    storage: {
      local: makeArea('local'),
      sync: makeArea('sync'),
      onChanged: { addListener: (listener) => listeners.add(listener), removeListener: (listener) => listeners.delete(listener) },
    },
    runtime: {
      sent: [],
      answer: () => undefined,
      async sendMessage(message) {
        fake.runtime.sent.push(message);
        return fake.runtime.answer(message);
      },
    },
    reset() {
      fake.runtime.sent = [];
      fake.runtime.answer = () => undefined;
      for (const area of [fake.storage.local, fake.storage.sync]) {
        area.data.clear();
        area.quotaBytes = Infinity;
      }
      listeners.clear();
      generation += 1;
    },
    flush: () => new Promise((resolve) => setTimeout(resolve, 5)),
  };
  return fake;
}
