/** Key bindings: the key name of a keydown event, binding sequences ("g g"), and a matcher that turns keys into actions. */

/** What the matcher needs of a keydown event. */
export interface KeyLike {
  key: string;
  ctrlKey: boolean;
  altKey: boolean;
  metaKey: boolean;
}

const MODIFIER_KEYS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'AltGraph', 'CapsLock', 'OS', 'Hyper', 'Super']);

/**
 * The name of a pressed key as bindings write it: the character typed ("j", "J", "?", "/"), or the key's name
 * ("Enter", "Escape", "Space"), with "Ctrl+", "Alt+", "Meta+" in front when those are held. Null for lone modifiers.
 */
export function keyName(event: KeyLike): string | null {
  if (MODIFIER_KEYS.has(event.key) || event.key === 'Unidentified' || event.key === 'Dead') return null;
  const key = event.key === ' ' ? 'Space' : event.key;
  let prefix = '';
  if (event.ctrlKey) prefix += 'Ctrl+';
  if (event.altKey) prefix += 'Alt+';
  if (event.metaKey) prefix += 'Meta+';
  return prefix + key;
}

/** A binding as its key names: "g g" → ["g", "g"]; "Shift+X" → ["X"]; "shift+j" → ["J"]. */
export function parseBinding(binding: string): string[] {
  return binding
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => {
      const match = /^shift\+(.)$/i.exec(part);
      if (match) return match[1]!.toUpperCase();
      return part
        .replace(/^(ctrl|control)\+/i, 'Ctrl+')
        .replace(/^alt\+/i, 'Alt+')
        .replace(/^(meta|cmd)\+/i, 'Meta+');
    });
}

/** Outcome of one key: an action, the start of a longer sequence, or nothing. */
export type MatchOutcome<A extends string> = { action: A } | 'pending' | null;

/** Turns a stream of key names into actions; a sequence must be typed within `timeoutMs` between keys. */
export class KeySequenceMatcher<A extends string> {
  private sequences: Array<{ action: A; keys: string[] }> = [];
  private pending: string[] = [];
  private lastAt = -Infinity;

  constructor(
    bindings: Record<A, string>,
    private readonly timeoutMs = 1200,
  ) {
    this.setBindings(bindings);
  }

  setBindings(bindings: Record<A, string>): void {
    this.sequences = (Object.entries(bindings) as Array<[A, string]>)
      .map(([action, binding]) => ({ action, keys: parseBinding(binding) }))
      .filter(({ keys }) => keys.length > 0);
    this.reset();
  }

  reset(): void {
    this.pending = [];
  }

  /** Feed one key name pressed at `time` (ms). */
  feed(key: string, time: number): MatchOutcome<A> {
    if (time - this.lastAt > this.timeoutMs) this.pending = [];
    this.lastAt = time;
    const hadPending = this.pending.length > 0;
    const withPending = this.match([...this.pending, key]);
    if (withPending !== null || !hadPending) return withPending;
    return this.match([key]); // the pending prefix went nowhere: start over from this key
  }

  private match(keys: string[]): MatchOutcome<A> {
    const joined = keys.join(' ');
    const exact = this.sequences.find((sequence) => sequence.keys.join(' ') === joined);
    if (exact) {
      this.pending = [];
      return { action: exact.action };
    }
    if (this.sequences.some((sequence) => sequence.keys.join(' ').startsWith(`${joined} `))) {
      this.pending = keys;
      return 'pending';
    }
    this.pending = [];
    return null;
  }
}
