/**
 * The toolbar's "More" menu: an ARIA menu button (arrow keys, Home/End, Escape, Tab, focus back on the button) whose
 * items are the core's and the features' `MenuItem`s (toolbar contributions placed in `menu`).
 */
import type { ButtonHTMLAttributes, ComponentChildren } from 'preact';
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../shared/i18n';

interface MenuControl {
  /** Close the menu and put focus back on its button (before the item's action, which may move focus on). */
  close(): void;
}

const MenuContext = createContext<MenuControl | null>(null);

const ITEM_SELECTOR = '[role^="menuitem"]:not([disabled])';

type ItemProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'onSelect' | 'role' | 'checked'> & {
  /** What choosing the item does (the menu is closed first). */
  onSelect(): void;
  /** For an on/off item (Save post): shown as a menuitemcheckbox. */
  checked?: boolean;
  /** An icon class from styles.css (`icon-save`...), drawn by CSS: no element of its own. */
  icon?: string;
  children: ComponentChildren;
};

/** One item of the toolbar menu; pass the item's DOM hook (`data-thread-action="..."`) as an attribute. */
export function MenuItem({ onSelect, checked, icon, children, className, ...attributes }: ItemProps) {
  const menu = useContext(MenuContext);
  return (
    // biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is menuitemcheckbox whenever aria-checked is set
    <button
      type="button"
      {...attributes}
      className={['menu-item', icon, className].filter(Boolean).join(' ')}
      role={checked === undefined ? 'menuitem' : 'menuitemcheckbox'}
      aria-checked={checked === undefined ? undefined : checked ? 'true' : 'false'}
      tabIndex={-1}
      onClick={() => {
        menu?.close();
        onSelect();
      }}
    >
      {children}
    </button>
  );
}

function itemsOf(menu: HTMLElement | null): HTMLElement[] {
  return menu ? [...menu.querySelectorAll<HTMLElement>(ITEM_SELECTOR)] : [];
}

interface MenuProps {
  /** The menu button's id. */
  id: string;
  /** The menu's id. */
  menuId: string;
  /** The button's classes (its icon included). */
  buttonClass: string;
  /** The button's words: shown, or only its accessible name when `iconOnly`. */
  label: string;
  iconOnly?: boolean;
  /** The element around button and menu (positions the menu); none when absent (the parent positions it). */
  wrapClass?: string;
  /** Render the items only while the menu is open (they cost no elements at rest). */
  lazy?: boolean;
  children: ComponentChildren | (() => ComponentChildren);
}

/** An ARIA menu button and its menu: the toolbar's "More" and each comment's "More actions". */
export function Menu({ id, menuId, buttonClass, label, iconOnly, wrapClass, lazy, children }: MenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  /** Which item to focus once the menu has rendered open. */
  const focusOnOpen = useRef<'first' | 'last'>('first');

  const close = (returnFocus = true) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  };
  const openMenu = (which: 'first' | 'last') => {
    focusOnOpen.current = which;
    setOpen(true);
  };

  useEffect(() => {
    if (!open) return;
    const items = itemsOf(menuRef.current);
    (focusOnOpen.current === 'last' ? items[items.length - 1] : items[0])?.focus();
    // A press anywhere outside closes the menu (inside the shadow root the event's path holds our elements).
    const doc = buttonRef.current?.ownerDocument;
    const onPointer = (event: Event) => {
      const path = event.composedPath();
      if (!(menuRef.current && path.includes(menuRef.current)) && !path.includes(buttonRef.current!)) close(false);
    };
    doc?.addEventListener('pointerdown', onPointer, true);
    return () => doc?.removeEventListener('pointerdown', onPointer, true);
  }, [open]);

  const onButtonKey = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      event.stopPropagation();
      openMenu(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  };

  const onMenuKey = (event: KeyboardEvent) => {
    const items = itemsOf(menuRef.current);
    const root = menuRef.current?.getRootNode() as Document | ShadowRoot | undefined;
    const index = items.indexOf(root?.activeElement as HTMLElement);
    const focusAt = (next: number) => items[(next + items.length) % items.length]?.focus();
    const keys: Record<string, () => void> = {
      ArrowDown: () => focusAt(index + 1),
      ArrowUp: () => focusAt(index < 0 ? items.length - 1 : index - 1),
      Home: () => focusAt(0),
      End: () => focusAt(items.length - 1),
      Escape: () => close(),
    };
    const handler = keys[event.key];
    if (handler) {
      event.preventDefault();
      event.stopPropagation();
      handler();
      return;
    }
    if (event.key === 'Tab') {
      close(false);
      return;
    }
    // Typing a letter moves to the next item that starts with it, as in the platform's menus.
    if (event.key.length === 1 && /\S/.test(event.key) && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.stopPropagation();
      const letter = event.key.toLowerCase();
      const order = [...items.slice(index + 1), ...items.slice(0, index + 1)];
      order.find((item) => item.textContent?.trim().toLowerCase().startsWith(letter))?.focus();
    }
  };

  const items = !lazy || open ? (typeof children === 'function' ? children() : children) : null;
  const parts = (
    <>
      <button
        ref={buttonRef}
        type="button"
        id={id}
        className={buttonClass}
        data-thread-action="menu"
        aria-haspopup="menu"
        aria-expanded={open ? 'true' : 'false'}
        aria-controls={lazy && !open ? undefined : menuId}
        aria-label={iconOnly ? label : undefined}
        title={iconOnly ? label : undefined}
        onClick={() => (open ? close() : openMenu('first'))}
        onKeyDown={onButtonKey}
      >
        {iconOnly ? null : label}
      </button>
      {(!lazy || open) && (
        <div ref={menuRef} id={menuId} className="menu" role="menu" aria-labelledby={id} hidden={!open} onKeyDown={onMenuKey}>
          {items}
        </div>
      )}
    </>
  );
  return <MenuContext.Provider value={{ close }}>{wrapClass ? <span className={wrapClass}>{parts}</span> : parts}</MenuContext.Provider>;
}

/** The toolbar's "More" menu, a "⋯" button named "More" (its items are always rendered, hidden while closed). */
export function ToolbarMenu({ children }: { children: ComponentChildren }) {
  return (
    <Menu id="tl-menu-button" menuId="tl-menu" buttonClass="tool-button icon-more" label={t('view_menu')} iconOnly wrapClass="menu-wrap">
      {children}
    </Menu>
  );
}
