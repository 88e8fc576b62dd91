/** The keyboard shortcuts: one keydown listener on the document that moves the current comment and runs the view's actions. */
import type { KeyAction } from '../../shared/settings';
import type { Controller } from '../controller';
import { ancestorsOf } from '../model';
import { KeySequenceMatcher, keyName } from './bindings';
import { Navigator, visibleComments } from '../../features/keyboard/navigation';
import { isActivatingTarget, isTypingContext } from './typing';

export interface KeyboardOptions {
  doc: Document;
  controller: Controller;
  bindings: Record<KeyAction, string>;
  /** Focus the filter bar's search box; false when there is none. */
  focusSearch(): boolean;
  /** True while one of Threadline's overlays (help) is open: it handles its own keys. */
  isOverlayOpen(): boolean;
  openHelp(): void;
  /** Open or close the reading list's sidebar; false when that feature is not on the page. */
  toggleSidebar?(): boolean;
}

export interface KeyboardHandle {
  setBindings(bindings: Record<KeyAction, string>): void;
  /** Run an action as if its key had been pressed (tests, toolbar buttons). */
  run(action: KeyAction): boolean;
  destroy(): void;
}

export function attachKeyboard(options: KeyboardOptions): KeyboardHandle {
  const { doc, controller } = options;
  const { marks, collapsed, actions } = controller;
  const matcher = new KeySequenceMatcher<KeyAction>(options.bindings);

  const tree = () => controller.model.get().trees[controller.view.get()];
  const navigator = (ignoreCollapse = false) => {
    const current = tree();
    const visible = visibleComments(
      current,
      (id) => marks.filterHidden.has(id),
      (id) => !ignoreCollapse && collapsed.has(id),
    );
    return new Navigator(current, visible);
  };
  const currentId = (): string | null => {
    const id = controller.current.get() ?? controller.highlight.get();
    return id !== null && controller.model.get().comments.has(id) ? id : null;
  };

  const moveTo = (id: string | null, expandAncestors = false): boolean => {
    if (id === null) return false;
    if (expandAncestors) for (const ancestor of ancestorsOf(tree(), id)) collapsed.set(ancestor, false);
    controller.current.set(id);
    controller.reveal(id, { focus: true });
    return true;
  };

  const toggleThread = (): boolean => {
    const id = currentId();
    if (id === null) return false;
    const current = tree();
    if ((current.children.get(id)?.length ?? 0) > 0) {
      actions.toggle(id);
      return true;
    }
    const parent = current.parentOf.get(id) ?? null;
    if (parent === null) return false;
    actions.toggle(parent);
    return moveTo(parent);
  };

  const toggleAll = (): boolean => {
    if (collapsed.size > 0) {
      actions.expandAll();
      return true;
    }
    actions.collapseAll();
    const id = currentId();
    if (id !== null) {
      const nav = navigator();
      moveTo(nav.rootOf(id));
    }
    return true;
  };

  const run = (action: KeyAction): boolean => {
    const id = currentId();
    switch (action) {
      case 'nextComment':
        return moveTo(navigator().step(id, 1));
      case 'previousComment':
        return moveTo(navigator().step(id, -1));
      case 'nextThread':
        return moveTo(navigator().stepThread(id, 1));
      case 'previousThread':
        return moveTo(navigator().stepThread(id, -1));
      case 'parent':
        return moveTo(navigator().parent(id));
      case 'toggleThread':
        return toggleThread();
      case 'toggleAll':
        return toggleAll();
      case 'nextNew':
        return moveTo(navigator(true).nextWhere(id, (candidate) => marks.isNew.has(candidate)), true);
      case 'focusSearch':
        return options.focusSearch();
      case 'save':
        if (id === null) return false;
        actions.save(id);
        return true;
      case 'first':
        return moveTo(navigator().first());
      case 'last':
        return moveTo(navigator().last());
      case 'help':
        options.openHelp();
        return true;
      case 'sidebar':
        return options.toggleSidebar?.() ?? false;
      default:
        return false;
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || options.isOverlayOpen()) return;
    if (isTypingContext(event, doc)) return;
    const name = keyName(event);
    if (name === null) return;
    const outcome = matcher.feed(name, event.timeStamp || performance.now());
    let handled = false;
    if (outcome !== null && outcome !== 'pending') handled = run(outcome.action);
    else if (outcome === null && name === 'Enter' && !isActivatingTarget(event)) handled = toggleThread();
    if (handled) event.preventDefault();
  };

  /** The current comment follows focus and clicks, so keys continue from where the reader is. */
  const onFocusIn = (event: FocusEvent) => {
    for (const node of event.composedPath()) {
      const element = node as Element;
      if (element.nodeType !== 1) continue;
      const id = element.getAttribute('data-thread-comment');
      if (id !== null) {
        controller.current.set(id);
        return;
      }
    }
  };

  doc.addEventListener('keydown', onKeyDown);
  doc.addEventListener('focusin', onFocusIn);
  return {
    setBindings(bindings) {
      matcher.setBindings(bindings);
    },
    run,
    destroy() {
      doc.removeEventListener('keydown', onKeyDown);
      doc.removeEventListener('focusin', onFocusIn);
    },
  };
}
