/** A comment's "More actions" menu: the features' comment actions placed in `menu`, rendered only while it is open. */
import type { ComponentType } from 'preact';
import { t } from '../shared/i18n';
import type { CommentActionProps } from './feature';
import { Menu } from './ToolbarMenu';

interface Props extends CommentActionProps {
  items: readonly ComponentType<CommentActionProps>[];
}

/** The icon button (`data-thread-action="menu"`) and, while open, its menu of the features' `MenuItem`s. */
export function CommentMenu({ id, hasReplies, source, items }: Props) {
  return (
    <Menu id={`tl-more-${id}`} menuId={`tl-more-menu-${id}`} buttonClass="action icon-more comment-more" label={t('view_comment_menu')} iconOnly lazy>
      {() => items.map((Item, index) => <Item key={index} id={id} hasReplies={hasReplies} source={source} />)}
    </Menu>
  );
}
