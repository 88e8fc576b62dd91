/** The popup's list of followed posts: new comments and replies to the reader per post, each a link to the first new one. */
import { useEffect, useState } from 'preact/hooks';
import { checkFollowedPosts } from '../features/follow/run';
import { loadFollowStates, unfollow, watchFollows } from '../features/follow/store';
import { followedPosts, type FollowedPost } from '../features/follow/summary';
import { repliesToYou } from '../features/follow/words';
import { openTab } from '../shared/browser';
import { t } from '../shared/i18n';

const styles = `
.followed { border-top: 1px solid var(--border); margin-top: 0.5rem; padding-top: 0.25rem; }
.followed h2 { font-size: 1rem; margin: 0.25rem 0; }
.followed ul { list-style: none; margin: 0; padding: 0; }
.followed li { display: flex; align-items: baseline; gap: 0.5rem; padding: 0.2rem 0; }
.followed li a { flex: 1; min-width: 0; overflow-wrap: anywhere; }
.followed .counts { white-space: nowrap; font-size: 0.9em; }
.followed .replies { color: #b3261e; font-weight: 600; }
@media (prefers-color-scheme: dark) { .followed .replies { color: #ffb4a9; } }
`;

function useFollowedPosts(): FollowedPost[] | null {
  const [posts, setPosts] = useState<FollowedPost[] | null>(null);
  useEffect(() => {
    const load = () =>
      void loadFollowStates().then(
        (states) => setPosts(followedPosts(states.values())),
        () => setPosts([]),
      );
    load();
    return watchFollows(load);
  }, []);
  return posts;
}

export function FollowedPosts() {
  const posts = useFollowedPosts();
  const [status, setStatus] = useState('');
  const [checking, setChecking] = useState(false);
  if (posts === null) return null;

  const checkNow = () => {
    setChecking(true);
    setStatus(t('follow_popup_checking'));
    checkFollowedPosts()
      .then((report) => {
        if (!report) setStatus(t('follow_popup_check_busy'));
        else if (report.failed) setStatus(t('follow_popup_check_failed', report.error ?? ''));
        else setStatus(t('follow_popup_checked', report.checked));
      })
      .catch((error: unknown) => setStatus(t('follow_popup_check_failed', String(error))))
      .finally(() => setChecking(false));
  };
  const open = (event: MouseEvent, href: string) => {
    event.preventDefault();
    void openTab(href).then(() => window.close());
  };

  return (
    <section className="followed" aria-labelledby="followed-heading" data-follow-list="">
      <style>{styles}</style>
      <h2 id="followed-heading">{t('follow_popup_heading')}</h2>
      {posts.length === 0 ? (
        <p>{t('follow_popup_empty')}</p>
      ) : (
        <ul>
          {posts.map((post) => (
            <li
              key={post.postKey}
              data-follow-post={post.postKey}
              data-follow-new={String(post.newCount)}
              data-follow-replies={String(post.replies.length)}
            >
              <a href={post.href} onClick={(event) => open(event, post.href)}>
                {post.title}
              </a>
              <span className="counts">
                {post.newCount > 0 ? t('follow_new_count', post.newCount) : t('follow_popup_nothing_new')}
                {post.replies.length > 0 && (
                  <>
                    {' · '}
                    <span className="replies">{repliesToYou(post.replies.length)}</span>
                  </>
                )}
              </span>
              <button
                type="button"
                data-follow-action="unfollow"
                aria-label={t('follow_popup_unfollow', post.title)}
                title={t('follow_popup_unfollow', post.title)}
                onClick={() => void unfollow([post.postKey])}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {posts.length > 0 && (
        <button type="button" data-follow-action="check-now" disabled={checking} onClick={checkNow}>
          {t('follow_popup_check_now')}
        </button>
      )}
      <p className="status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
