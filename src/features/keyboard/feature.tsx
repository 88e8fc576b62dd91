/** Keyboard navigation: moving between comments and threads, collapsing, first and last, and the "?" help dialog. */
import { untilAborted, ValueStore } from '../../shared/store';
import type { Controller } from '../../ui/controller';
import { defineFeature } from '../../ui/feature';
import { currentCommentId, moveToComment, navigatorOf } from '../../ui/navigation';
import { HelpOverlay } from './HelpOverlay';
import { t } from '../../shared/i18n';
import { MenuItem } from '../../ui/ToolbarMenu';
import keyboardStyles from './keyboard.css';

/** Collapse or expand the current comment's replies; on a comment without replies, its parent's (and move there). */
function toggleThread(controller: Controller): boolean {
  const id = currentCommentId(controller);
  if (id === null) return false;
  const tree = controller.model.get().trees[controller.view.get()];
  if ((tree.children.get(id)?.length ?? 0) > 0) {
    controller.actions.toggle(id);
    return true;
  }
  const parent = tree.parentOf.get(id) ?? null;
  if (parent === null) return false;
  controller.actions.toggle(parent);
  return moveToComment(controller, parent);
}

/** Expand everything when anything is collapsed, else collapse every thread and stay on the current one's root. */
function toggleAll(controller: Controller): boolean {
  if (controller.collapsed.size > 0) {
    controller.actions.expandAll();
    return true;
  }
  controller.actions.collapseAll();
  const id = currentCommentId(controller);
  if (id !== null) moveToComment(controller, navigatorOf(controller).rootOf(id));
  return true;
}

export default defineFeature({
  id: 'keyboard',
  styles: keyboardStyles,
  shortcuts: [
    { id: 'nextComment', key: 'j', label: 'Next comment', group: 'Move' },
    { id: 'previousComment', key: 'k', label: 'Previous comment', group: 'Move' },
    { id: 'nextThread', key: 'J', label: 'Next thread', group: 'Move' },
    { id: 'previousThread', key: 'K', label: 'Previous thread', group: 'Move' },
    { id: 'parent', key: 'p', label: 'Go to parent', group: 'Move' },
    { id: 'first', key: 'g g', label: 'First comment', group: 'Move' },
    { id: 'last', key: 'G', label: 'Last comment', group: 'Move' },
    { id: 'toggleThread', key: 'x', label: 'Collapse or expand thread', group: 'Threads', enter: true },
    { id: 'toggleAll', key: 'X', label: 'Collapse or expand all', group: 'Threads' },
    { id: 'help', key: '?', label: 'Show keyboard help', group: 'Help' },
  ],
  init(ctx, signal) {
    const { controller } = ctx;
    const helpOpen = new ValueStore(false);
    untilAborted(signal, () => helpOpen.set(false));
    const move = (pick: () => string | null) => moveToComment(controller, pick());
    const here = () => currentCommentId(controller);
    return {
      toolbar: {
        place: 'menu',
        content: (
          <MenuItem data-thread-action="shortcuts" icon="icon-keyboard" onSelect={() => helpOpen.set(true)}>
            {t('view_keyboard_shortcuts')}
          </MenuItem>
        ),
      },
      overlay: <HelpOverlay open={helpOpen} shortcuts={ctx.shortcuts} doc={ctx.doc} />,
      shortcuts: {
        nextComment: () => move(() => navigatorOf(controller).step(here(), 1)),
        previousComment: () => move(() => navigatorOf(controller).step(here(), -1)),
        nextThread: () => move(() => navigatorOf(controller).stepThread(here(), 1)),
        previousThread: () => move(() => navigatorOf(controller).stepThread(here(), -1)),
        parent: () => move(() => navigatorOf(controller).parent(here())),
        first: () => move(() => navigatorOf(controller).first()),
        last: () => move(() => navigatorOf(controller).last()),
        toggleThread: () => toggleThread(controller),
        toggleAll: () => toggleAll(controller),
        help: () => {
          helpOpen.set(true);
          return true;
        },
      },
    };
  },
});
