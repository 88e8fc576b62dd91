/** Options: default view (threaded / as posted) and collapsing replies by default. */
import type { Settings } from '../../shared/settings';
import { Section } from './Section';

export function ViewSection({ settings, save }: { settings: Settings; save(change: Partial<Settings>): void }) {
  return (
    <Section id="view" title="Comments">
      <fieldset>
        <legend>Default view</legend>
        {(['threaded', 'posted'] as const).map((view) => (
          <label key={view} className="choice">
            <input
              type="radio"
              name="defaultView"
              value={view}
              checked={settings.defaultView === view}
              onChange={() => save({ defaultView: view })}
            />
            {view === 'threaded' ? 'Threaded (replies under what they answer)' : 'As posted (the blog’s own order)'}
          </label>
        ))}
      </fieldset>
      <label className="choice">
        <input
          type="checkbox"
          name="collapseRepliesByDefault"
          checked={settings.collapseRepliesByDefault}
          onChange={(event) => save({ collapseRepliesByDefault: event.currentTarget.checked })}
        />
        Collapse replies by default
      </label>
    </Section>
  );
}
