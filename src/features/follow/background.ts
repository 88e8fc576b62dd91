/** The follow check's place in the background: the alarm, the badge kept current, the schedule kept to the settings. */
import { onAlarm, onExtensionStart } from '../../shared/browser';
import { warnOnce } from '../../shared/log';
import { onSettingsChanged } from '../../shared/settings';
import { watchMineChanges } from './mine-store';
import { checkFollowedPosts, FOLLOW_ALARM, refreshFollowBadge, reschedule } from './run';
import { watchFollows } from './store';

const SETTLE_MS = 250;

function failed(what: string) {
  return (error: unknown) => warnOnce(`could not ${what}.`, error);
}

/** Register the follow listeners; call in the background's first turn (a stopped background wakes only for those). */
export function startFollowBackground(): void {
  onAlarm((name) => {
    if (name === FOLLOW_ALARM) checkFollowedPosts().catch(failed('check followed posts for new comments'));
  });
  let timer: ReturnType<typeof setTimeout> | null = null;
  const settle = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      reschedule().catch(failed('schedule the check of followed posts'));
      refreshFollowBadge().catch(failed('update the toolbar badge of followed posts'));
    }, SETTLE_MS);
  };
  // A follow, a visit (the post opened: its count cleared), a check, a mark: the badge and the alarm follow.
  watchFollows(settle);
  watchMineChanges(settle);
  onSettingsChanged(settle);
  onExtensionStart(settle);
}
