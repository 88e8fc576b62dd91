/** A thread group not built yet: its comments' words as find-in-page stand-ins, in a box of the built group's estimated height. */
import { useLayoutEffect, useRef } from 'preact/hooks';
import { memo } from './memo';
import type { ViewMode } from './model';
import { useThread } from './context';
import { THREAD_GROUP_CLASS } from './thread-group';
import { commentsOfGroup } from './windowing';

/** Told when a pending group enters or leaves the document, to watch it for nearness to the screen. */
export interface PendingWatch {
  watch(element: Element): void;
  unwatch(element: Element): void;
}

interface Props {
  index: number;
  roots: string[];
  view: ViewMode;
  /** The group's comments the reader would see: their stand-ins are findable, the others hidden as the comments would be. */
  shown: string[];
  watcher: PendingWatch;
}

/**
 * The stand-ins sit in one `hidden="until-found"` box: invisible, sizeless and skipped by style and layout (one
 * paragraph each cost a 10,000-comment post 110 ms of style in one task), yet found by the browser's find in page,
 * which fires `beforematch` on the box before showing it (ThreadList then builds the group at the found comment).
 * A stand-in whose comment the reader would not see (filtered out, under a collapsed comment) is hidden outright.
 */
export const PendingGroup = memo(function PendingGroup({ index, roots, view, shown, watcher }: Props) {
  const { model } = useThread();
  const element = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const target = element.current!;
    watcher.watch(target);
    return () => watcher.unwatch(target);
  }, [watcher]);
  const current = model.get();
  const findable = new Set(shown);
  return (
    <div
      ref={element}
      className={`${THREAD_GROUP_CLASS} is-pending`}
      data-thread-pending=""
      data-thread-group-index={index}
      style={{ '--tl-group-shown': shown.length }}
    >
      <div className="standins" hidden="until-found">
        {commentsOfGroup(current.trees[view], roots).map((id) => {
          const entry = current.comments.get(id);
          return (
            <p key={id} className="standin" data-thread-standin={id} hidden={!findable.has(id)}>
              {entry ? `${entry.record.author}: ${entry.text}` : ''}
            </p>
          );
        })}
      </div>
    </div>
  );
});
