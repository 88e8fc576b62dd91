/** Options: reading-list sidebar placement, syncing saved items, remembering filters per post. */
import type { Settings } from '../../shared/settings';
import { Section } from './Section';

export function ReadingSection({ settings, save }: { settings: Settings; save(change: Partial<Settings>): void }) {
  return (
    <Section id="reading" title="Reading list and filters">
      <fieldset>
        <legend>Sidebar on the page</legend>
        {(['right', 'left'] as const).map((placement) => (
          <label key={placement} className="choice">
            <input
              type="radio"
              name="sidebarPlacement"
              value={placement}
              checked={settings.sidebar.placement === placement}
              onChange={() => save({ sidebar: { ...settings.sidebar, placement } })}
            />
            {placement === 'right' ? 'Right' : 'Left'}
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input
          type="checkbox"
          name="syncSavedItems"
          checked={settings.syncSavedItems}
          onChange={(event) => save({ syncSavedItems: event.currentTarget.checked })}
        />
        Sync saved comments through the browser’s own sync (your browser account; nothing else)
      </label>
      <label className="choice">
        <input
          type="checkbox"
          name="rememberFilters"
          checked={settings.rememberFilters}
          onChange={(event) => save({ rememberFilters: event.currentTarget.checked })}
        />
        Remember filters for each post
      </label>
    </Section>
  );
}
