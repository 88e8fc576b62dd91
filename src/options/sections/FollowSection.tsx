/** Options: following posts (what follows a post by itself, how often the background checks, when a quiet post is dropped). */
import { t } from '../../shared/i18n';
import { FOLLOW_INTERVALS, type Settings } from '../../shared/settings';
import { Section } from './Section';

function intervalName(minutes: number): string {
  if (minutes === 0) return t('follow_options_off');
  if (minutes < 60) return t('follow_options_minutes', minutes);
  return minutes === 60 ? t('follow_options_hour') : t('follow_options_hours', minutes / 60);
}

export function FollowSection({ settings, save }: { settings: Settings; save(change: Partial<Settings>): void }) {
  const current = settings.follow;
  const change = (part: Partial<Settings['follow']>) => save({ follow: { ...current, ...part } });
  return (
    <Section id="follow" title={t('follow_options_title')} description={t('follow_options_hint')}>
      <label className="choice">
        <input
          type="checkbox"
          name="followOnComment"
          checked={current.onComment}
          onChange={(event) => change({ onComment: event.currentTarget.checked })}
        />
        {t('follow_options_on_comment')}
      </label>
      <label>
        {t('follow_options_interval')}{' '}
        <select
          name="followInterval"
          value={String(current.intervalMinutes)}
          onChange={(event) => change({ intervalMinutes: Number(event.currentTarget.value) })}
        >
          {FOLLOW_INTERVALS.map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {intervalName(minutes)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('follow_options_auto_unfollow')}{' '}
        <input
          type="number"
          name="followAutoUnfollowDays"
          min={0}
          max={365}
          value={current.autoUnfollowDays}
          onChange={(event) => change({ autoUnfollowDays: Number(event.currentTarget.value) })}
        />
      </label>
    </Section>
  );
}
