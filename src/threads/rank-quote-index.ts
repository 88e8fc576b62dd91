/** The quote index inference uses: comment ranks in typed arrays, copies of one text counted once. */
import { MAX_POSTINGS, MIN_COVERAGE } from './quote-index';

/**
 * A QuoteIndex of comment ranks (small non-negative integers) kept in typed arrays, with copies of one text counted
 * once. Ranks added with the same shingle array (one analysis of one text: a double post, a repost) form one group;
 * an open-addressing table maps each shingle to the groups whose text has it and to how many ranks do. A lookup
 * counts hits per group, so its work follows the distinct texts that share the quote's words, not their copies, and
 * it allocates nothing but the result. Same ranks, in the same order, as QuoteIndex<number>.
 */
export class RankQuoteIndex {
  /**
   * The open-addressing table, one slot per SLOT_SIZE numbers side by side (one cache line, where four arrays would
   * take four): the shingle (EMPTY where none), the first and last posting of its list, and how many ranks have it
   * (more than MAX_POSTINGS and the shingle says nothing). A slot is named by the index of its first number.
   */
  private table = emptyTable(1024);
  private used = 0;
  /** Postings, two numbers side by side: the group, and the next posting of the same shingle (-1 at the end). */
  private postings = new Int32Array(8192);
  private postingsEnd = 0;
  /** The group of each shingle array, each group's ranks (in the order added) and the slots of its distinct shingles. */
  private readonly groupOf = new Map<readonly number[], number>();
  private readonly groupRanks: number[][] = [];
  private readonly groupSlots: number[][] = [];
  /** Scratch hit counts by group, all zero between lookups. */
  private counts = new Int32Array(64);
  /** Groups hit by the current lookup in the order first hit, and the query shingle each was first hit at. */
  private readonly touched: number[] = [];
  private readonly touchedAt: number[] = [];

  /**
   * Indexes a text's shingles (textShingles) under its rank; callers add ranks in the order they were posted. Pass the
   * same array for every copy of one text: copies share a group.
   */
  addShingles(rank: number, textShingles: readonly number[]): void {
    let group = this.groupOf.get(textShingles);
    if (group === undefined) {
      group = this.newGroup(textShingles);
      this.groupOf.set(textShingles, group);
    }
    this.groupRanks[group]!.push(rank);
    const table = this.table;
    for (const slot of this.groupSlots[group]!) table[slot + RANKS] = table[slot + RANKS]! + 1;
  }

  /** A new group: its distinct shingles get a posting each (and a slot, the first time a shingle is seen); a copy of its text then only counts. */
  private newGroup(textShingles: readonly number[]): number {
    const group = this.groupRanks.length;
    this.groupRanks.push([]);
    if (group >= this.counts.length) {
      const grown = new Int32Array(this.counts.length * 2);
      grown.set(this.counts);
      this.counts = grown;
    }
    // Registered before it is filled, so a table growth halfway moves its slots too.
    const slots: number[] = [];
    this.groupSlots.push(slots);
    for (const shingle of textShingles) {
      const slot = this.slotOf(shingle);
      const table = this.table;
      if (table[slot] === EMPTY) {
        table[slot] = shingle;
        this.used += 1;
        const posting = this.newPosting(group);
        table[slot + HEAD] = posting;
        table[slot + TAIL] = posting;
        table[slot + RANKS] = 0;
        slots.push(slot);
        if (this.used * 2 * SLOT_SIZE > table.length) this.growTable();
      } else if (this.postings[table[slot + TAIL]!] !== group) {
        const posting = this.newPosting(group);
        this.postings[table[slot + TAIL]! + 1] = posting;
        table[slot + TAIL] = posting;
        slots.push(slot);
      }
    }
    return group;
  }

  /**
   * Like QuoteIndex.findQuery: ranks whose text contains at least MIN_COVERAGE of the usable query shingles. They are
   * put in `found` (emptied first) when given: a caller that is done with one result before the next lookup passes
   * the same array each time.
   */
  findQuery(quoteShingles: readonly number[], found: number[] = []): number[] {
    found.length = 0;
    if (this.used === 0) return found;
    const { counts, touched, touchedAt, table, postings } = this;
    let usable = 0;
    for (let i = 0; i < quoteShingles.length; i += 1) {
      const slot = this.slotOf(quoteShingles[i]!);
      if (table[slot] === EMPTY) {
        usable += 1;
        continue;
      }
      if (table[slot + RANKS]! > MAX_POSTINGS) continue;
      usable += 1;
      for (let posting = table[slot + HEAD]!; posting >= 0; posting = postings[posting + 1]!) {
        const group = postings[posting]!;
        const count = counts[group]!;
        if (count === 0) {
          touched.push(group);
          touchedAt.push(i);
        }
        counts[group] = count + 1;
      }
    }
    const enough = usable !== 0 && usable >= quoteShingles.length / 2;
    // QuoteIndex lists ranks in the order first hit: the groups first hit at one query shingle share its posting list,
    // where their ranks come in the order added, so the ranks of several such groups are merged in that order.
    for (let start = 0; start < touched.length; ) {
      let end = start + 1;
      while (end < touched.length && touchedAt[end] === touchedAt[start]) end += 1;
      let matching = 0;
      let only = -1;
      for (let k = start; k < end; k += 1) {
        const group = touched[k]!;
        const matches = enough && counts[group]! / usable >= MIN_COVERAGE;
        counts[group] = matches ? -1 : 0; // -1: matched, until its ranks are taken
        if (matches) {
          matching += 1;
          only = group;
        }
      }
      if (matching === 1) {
        for (const rank of this.groupRanks[only]!) found.push(rank);
        counts[only] = 0;
      } else if (matching > 1) {
        // Several texts, each with its ranks in order: their ranks are inserted into order as they are appended (a few
        // short runs of ascending ranks: each insertion moves past only the later ranks of the runs before it).
        const from = found.length;
        for (let k = start; k < end; k += 1) {
          const group = touched[k]!;
          if (counts[group] === 0) continue;
          counts[group] = 0;
          for (const rank of this.groupRanks[group]!) {
            let at = found.length;
            found.push(rank);
            while (at > from && found[at - 1]! > rank) {
              found[at] = found[at - 1]!;
              at -= 1;
            }
            found[at] = rank;
          }
        }
      }
      start = end;
    }
    touched.length = 0;
    touchedAt.length = 0;
    return found;
  }

  /** The slot holding the shingle, or the empty slot where it would go (linear probing; shingles are already mixed). */
  private slotOf(shingle: number): number {
    const table = this.table;
    const mask = table.length - 1;
    let slot = (shingle * SLOT_SIZE) & mask;
    while (table[slot] !== EMPTY && table[slot] !== shingle) slot = (slot + SLOT_SIZE) & mask;
    return slot;
  }

  /** A new last posting of a group; named by the index of its first number. */
  private newPosting(group: number): number {
    if (this.postingsEnd === this.postings.length) {
      const grown = new Int32Array(this.postings.length * 2);
      grown.set(this.postings);
      this.postings = grown;
    }
    const posting = this.postingsEnd;
    this.postingsEnd += 2;
    this.postings[posting] = group;
    this.postings[posting + 1] = -1;
    return posting;
  }

  private growTable(): void {
    const old = this.table;
    this.table = emptyTable((old.length / SLOT_SIZE) * 2);
    const moved = new Int32Array(old.length);
    for (let from = 0; from < old.length; from += SLOT_SIZE) {
      if (old[from] === EMPTY) continue;
      const slot = this.slotOf(old[from]!);
      for (let field = 0; field < SLOT_SIZE; field += 1) this.table[slot + field] = old[from + field]!;
      moved[from] = slot;
    }
    for (const slots of this.groupSlots) for (let i = 0; i < slots.length; i += 1) slots[i] = moved[slots[i]!]!;
  }
}

/** No shingle: shingles are below 2^30, so never negative. */
const EMPTY = -1;
/** Numbers per slot of RankQuoteIndex's table, and where each field is: the shingle first, then these. */
const SLOT_SIZE = 4;
const HEAD = 1;
const TAIL = 2;
const RANKS = 3;

/** A table of `capacity` empty slots (a power of two). */
function emptyTable(capacity: number): Int32Array {
  const table = new Int32Array(capacity * SLOT_SIZE);
  for (let slot = 0; slot < table.length; slot += SLOT_SIZE) table[slot] = EMPTY;
  return table;
}
