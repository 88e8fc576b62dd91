/** The one keydown listener: turns keys into the shortcuts the features declared, and never fires while the reader types. */
import { KeySequenceMatcher, keyName } from './bindings';
import type { ResolvedShortcut } from './shortcuts';
import { bindingsOf } from './shortcuts';
import { isActivatingTarget, isTypingContext } from './typing';

export interface DispatchOptions {
  doc: Document;
  /** Where Threadline's dialogs render: while one of them is open (aria-modal), it handles its own keys. */
  uiRoot: ShadowRoot;
  /** The shortcuts in force (the reader's keys over the defaults). */
  shortcuts: readonly ResolvedShortcut[];
  /** Run a shortcut by id; false when no feature handled it (the key is then left to the page). */
  run(id: string): boolean;
  /** The comment the keys act on follows focus: called with the id of a focused comment. */
  onCommentFocused?(id: string): void;
}

export interface KeyboardDispatch {
  setShortcuts(shortcuts: readonly ResolvedShortcut[]): void;
  destroy(): void;
}

/** Whether one of Threadline's modal dialogs is open (the help dialog, a bottom sheet...). */
function modalOpen(uiRoot: ShadowRoot): boolean {
  return uiRoot.querySelector('[aria-modal="true"]') !== null;
}

export function attachKeyboardDispatch(options: DispatchOptions): KeyboardDispatch {
  const { doc, uiRoot, run } = options;
  let shortcuts = options.shortcuts;
  const matcher = new KeySequenceMatcher<string>(bindingsOf(shortcuts));

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || modalOpen(uiRoot)) return;
    if (isTypingContext(event, doc)) return;
    const name = keyName(event);
    if (name === null) return;
    const outcome = matcher.feed(name, event.timeStamp || performance.now());
    let handled = false;
    if (outcome !== null && outcome !== 'pending') handled = run(outcome.action);
    else if (outcome === null && name === 'Enter' && !isActivatingTarget(event)) {
      const onEnter = shortcuts.find((shortcut) => shortcut.enter);
      handled = onEnter ? run(onEnter.id) : false;
    }
    if (handled) event.preventDefault();
  };

  /** The current comment follows focus and clicks, so keys continue from where the reader is. */
  const onFocusIn = (event: FocusEvent) => {
    for (const node of event.composedPath()) {
      const element = node as Element;
      if (element.nodeType !== 1) continue;
      const id = element.getAttribute('data-thread-comment');
      if (id !== null) {
        options.onCommentFocused?.(id);
        return;
      }
    }
  };

  doc.addEventListener('keydown', onKeyDown);
  doc.addEventListener('focusin', onFocusIn);
  return {
    setShortcuts(next) {
      shortcuts = next;
      matcher.setBindings(bindingsOf(next));
    },
    destroy() {
      doc.removeEventListener('keydown', onKeyDown);
      doc.removeEventListener('focusin', onFocusIn);
    },
  };
}
