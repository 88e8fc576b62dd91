/** Named per-comment marks ("new", "saved", "filter-context"...) that features set and the comment view renders by their specs. */
import { IdSetStore } from '../shared/store';

/** One set of comment ids per mark name, created on first use; the core knows no names, features agree on them. */
export class MarkRegistry {
  private readonly sets = new Map<string, IdSetStore>();

  /** The set of comments carrying `name`. */
  of(name: string): IdSetStore {
    let set = this.sets.get(name);
    if (!set) this.sets.set(name, (set = new IdSetStore()));
    return set;
  }
}
