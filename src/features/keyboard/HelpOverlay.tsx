/** The "?" overlay: a modal dialog listing the keyboard shortcuts; focus stays inside it and Esc closes it. */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { ResolvedShortcut } from '../../ui/keyboard/shortcuts';
import { useValue, type ValueStore } from '../../ui/store';
import { parseBinding } from '../../ui/keyboard/bindings';
import { deepActiveElement } from '../../ui/keyboard/typing';

export interface HelpOverlayProps {
  open: ValueStore<boolean>;
  /** The shortcuts in force on this page, with the reader's keys (read each time the dialog opens). */
  shortcuts: () => ResolvedShortcut[];
  doc: Document;
}

function Keys({ binding }: { binding: string }) {
  const keys = parseBinding(binding);
  return (
    <>
      {keys.map((key, index) => (
        <span key={index}>
          {index > 0 && ` ${t('view_help_then')} `}
          <kbd>{key}</kbd>
        </span>
      ))}
    </>
  );
}

const FOCUSABLE = 'button, [href], input, select, textarea, [tabindex]:not([tabindex="-1"])';

export function HelpOverlay({ open: openStore, shortcuts, doc }: HelpOverlayProps) {
  const open = useValue(openStore);
  const dialogRef = useRef<HTMLDivElement>(null);
  const closeRef = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef<Element | null>(null);

  useEffect(() => {
    if (!open) return;
    returnFocus.current = deepActiveElement(doc);
    closeRef.current?.focus();
    return () => {
      const previous = returnFocus.current as HTMLElement | null;
      if (previous?.isConnected) previous.focus({ preventScroll: true });
    };
  }, [open]);

  if (!open) return null;
  const close = () => openStore.set(false);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusables = [...(dialogRef.current?.querySelectorAll<HTMLElement>(FOCUSABLE) ?? [])];
    if (focusables.length === 0) return;
    const first = focusables[0]!;
    const last = focusables[focusables.length - 1]!;
    const active = deepActiveElement(doc);
    if (event.shiftKey && (active === first || !dialogRef.current?.contains(active))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !dialogRef.current?.contains(active))) {
      event.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="help-backdrop" onClick={(event) => event.target === event.currentTarget && close()}>
      <div
        ref={dialogRef}
        className="help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="tl-help-title"
        data-thread-help
        onKeyDown={onKeyDown}
      >
        <div className="help-header">
          <h2 id="tl-help-title">{t('view_keyboard_shortcuts')}</h2>
          <button ref={closeRef} type="button" data-thread-action="close-help" onClick={close}>
            {t('view_close')}
          </button>
        </div>
        <table className="help-table">
          <tbody>
            {shortcuts().map((shortcut) => (
              <tr key={shortcut.id} data-thread-shortcut={shortcut.id}>
                <th scope="row">
                  <Keys binding={shortcut.binding} />
                  {shortcut.enter && (
                    <>
                      {` ${t('view_help_or')} `}
                      <kbd>{t('view_key_enter')}</kbd>
                    </>
                  )}
                </th>
                <td>{shortcut.label}</td>
              </tr>
            ))}
            <tr data-thread-shortcut="escape">
              <th scope="row">
                <kbd>{t('view_key_escape')}</kbd>
              </th>
              <td>{t('view_help_escape')}</td>
            </tr>
          </tbody>
        </table>
        <p className="help-note">{t('view_help_note')}</p>
      </div>
    </div>
  );
}
