/** Counted phrases of following, through t() (called when rendering, never at module load). */
import { t } from '../../shared/i18n';

/** "1 reply to you" / "2 replies to you". */
export function repliesToYou(count: number): string {
  return count === 1 ? t('follow_reply_to_you') : t('follow_replies_to_you', count);
}
