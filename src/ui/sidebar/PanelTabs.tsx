/** A tab strip over panels (the in-page sidebar's and the browser side panel's): roving focus, arrows, Home and End. */

export interface PanelTab {
  id: string;
  label: string;
}

export interface PanelTabsProps {
  tabs: readonly PanelTab[];
  active: string;
  onSelect(id: string): void;
  /** Each tab's element id is `idPrefix + tab.id` (the panel's aria-labelledby points at it). */
  idPrefix: string;
  /** The id of the tab panel the tabs control. */
  controls: string;
  className: string;
  label: string;
}

/** The tab a key moves to from `index`: left and right wrap round, Home and End go to the ends; none for other keys. */
function tabForKey<T>(tabs: readonly T[], index: number, key: string): T | undefined {
  if (key === 'ArrowRight') return tabs[(index + 1) % tabs.length];
  if (key === 'ArrowLeft') return tabs[(index - 1 + tabs.length) % tabs.length];
  if (key === 'Home') return tabs[0];
  if (key === 'End') return tabs[tabs.length - 1];
  return undefined;
}

export function PanelTabs({ tabs, active, onSelect, idPrefix, controls, className, label }: PanelTabsProps) {
  const moveTab = (event: KeyboardEvent) => {
    const next = tabForKey(
      tabs,
      tabs.findIndex((tab) => tab.id === active),
      event.key,
    );
    if (!next) return;
    event.preventDefault();
    onSelect(next.id);
    const strip = (event.currentTarget as HTMLElement).parentElement;
    ([...(strip?.children ?? [])].find((tab) => tab.id === `${idPrefix}${next.id}`) as HTMLElement | undefined)?.focus();
  };
  return (
    <div className={className} role="tablist" aria-label={label}>
      {tabs.map((tab) => (
        <button
          key={tab.id}
          type="button"
          role="tab"
          id={`${idPrefix}${tab.id}`}
          aria-selected={tab.id === active ? 'true' : 'false'}
          aria-controls={controls}
          tabIndex={tab.id === active ? 0 : -1}
          data-thread-sidebar-tab={tab.id}
          onClick={() => onSelect(tab.id)}
          onKeyDown={moveTab}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
