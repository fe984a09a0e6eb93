// Which buckets of a key clash with a given one, without comparing every pair.
// Quantities clash when their intervals do not overlap (3000元 against 5000元,
// 不超过3000元 against 5000元), within pools that are compared at all (one unit
// family, years that agree). Sorted by upper end, the buckets that end below a
// bucket's lower end are a prefix; sorted by lower end, those that start above
// its upper end are another. So a bucket's clashes are a few prefixes of sorted
// arrays, counted with prefix sums and listed in corpus order with a range
// minimum table, whatever the number of distinct values.

export interface IntervalShape {
  /** Buckets are compared only when their pools meet (a unit family, a year…). */
  readonly pool: string;
  readonly lo: number;
  readonly hi: number;
  /** What a report shows as one value (one value in several years is several buckets). */
  readonly value: string;
}

/**
 * How a key's clash relation is laid out. The contract: clash(a, b) holds
 * exactly when meet(pool a, pool b) and a.lo > b.hi + ε or b.lo > a.hi + ε,
 * for some 0 ≤ ε ≤ 1e-9 · max(1, |finite endpoints|). Near that margin the
 * clash function itself decides.
 */
export interface IntervalClash<T> {
  /** The shape of a bucket's representative; undefined leaves the key to pairwise comparison. */
  shape(rep: T): IntervalShape | undefined;
  /** Whether buckets of two pools are compared at all (symmetric). */
  meet(a: string, b: string): boolean;
  /** Values listed per side: the buckets of the first `values` distinct values (what the report can show). */
  readonly values: number;
}

/** Bucket numbers of one pool sorted by a key, with prefix sums and a range-minimum table. */
export class SortedRun {
  readonly ids: Int32Array;
  readonly keys: Float64Array;
  /** Observations / files of the first k entries. */
  readonly items: Float64Array;
  readonly files: Float64Array;
  /** levels[k][i]: position of the smallest bucket number in [i, i + 2^k). */
  private readonly levels: Int32Array[];

  constructor(members: readonly number[], key: (bucket: number) => number, size: (bucket: number) => readonly [number, number]) {
    const order = [...members].sort((a, b) => key(a) - key(b) || a - b);
    const n = order.length;
    this.ids = Int32Array.from(order);
    this.keys = Float64Array.from(order, key);
    this.items = new Float64Array(n + 1);
    this.files = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) {
      const [items, files] = size(order[i]!);
      this.items[i + 1] = this.items[i]! + items;
      this.files[i + 1] = this.files[i]! + files;
    }
    const first = new Int32Array(n);
    for (let i = 0; i < n; i++) first[i] = i;
    this.levels = [first];
    for (let w = 1; 2 * w <= n; w *= 2) {
      const prev = this.levels[this.levels.length - 1]!;
      const next = new Int32Array(n - 2 * w + 1);
      for (let i = 0; i < next.length; i++) {
        const a = prev[i]!;
        const b = prev[i + w]!;
        next[i] = this.ids[a]! <= this.ids[b]! ? a : b;
      }
      this.levels.push(next);
    }
  }

  /** How many keys are below x. */
  below(x: number): number {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Position of the smallest bucket number in [from, to) (non-empty). */
  minAt(from: number, to: number): number {
    const k = 31 - Math.clz32(to - from);
    const level = this.levels[k]!;
    const a = level[from]!;
    const b = level[to - (1 << k)]!;
    return this.ids[a]! <= this.ids[b]! ? a : b;
  }
}

/** A bucket's clashes: prefixes of sorted runs plus single buckets checked one by one near the margin. */
export interface ClashSet {
  readonly runs: ReadonlyArray<{ readonly run: SortedRun; readonly to: number }>;
  readonly singles: readonly number[];
  /** Buckets, observations and files in all. */
  readonly buckets: number;
  readonly items: number;
  readonly files: number;
}

interface Pending {
  readonly bucket: number;
  readonly run?: SortedRun;
  readonly from: number;
  readonly to: number;
  readonly pos: number;
}

/** The buckets of a clash set in ascending bucket number (corpus order), one at a time. */
export class ClashStream {
  private readonly heap: Pending[] = [];

  constructor(set: ClashSet) {
    for (const { run, to } of set.runs) if (to > 0) this.pushRange(run, 0, to);
    for (const b of set.singles) this.push({ bucket: b, from: 0, to: 0, pos: -1 });
  }

  /** The next bucket number without taking it, or -1 when none is left. */
  peek(): number {
    return this.heap.length ? this.heap[0]!.bucket : -1;
  }

  next(): number {
    const top = this.pop();
    if (!top) return -1;
    if (top.run) {
      if (top.from < top.pos) this.pushRange(top.run, top.from, top.pos);
      if (top.pos + 1 < top.to) this.pushRange(top.run, top.pos + 1, top.to);
    }
    return top.bucket;
  }

  private pushRange(run: SortedRun, from: number, to: number): void {
    const pos = run.minAt(from, to);
    this.push({ bucket: run.ids[pos]!, run, from, to, pos });
  }

  private push(p: Pending): void {
    const h = this.heap;
    h.push(p);
    let i = h.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (h[parent]!.bucket <= p.bucket) break;
      h[i] = h[parent]!;
      i = parent;
    }
    h[i] = p;
  }

  private pop(): Pending | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (!top || !last || h.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && h[r]!.bucket < h[l]!.bucket ? r : l;
      if (h[c]!.bucket >= last.bucket) break;
      h[i] = h[c]!;
      i = c;
    }
    h[i] = last;
    return top;
  }
}

interface Pool {
  readonly name: string;
  readonly members: number[];
  /** Sorted by upper end: those ending below a lower end are a prefix. */
  byHi?: SortedRun;
  /** Sorted by lower end, highest first (key −lo): those starting above an upper end are a prefix. */
  byLo?: SortedRun;
  meets: Pool[];
}

/** The clash sets of a key's buckets, from their shapes. */
export class IntervalIndex {
  private readonly poolOf: Pool[] = [];
  private readonly sets = new Map<number, ClashSet>();
  /** Margin within which the clash function decides: twice the largest ε the contract allows. */
  private readonly margin: number;

  constructor(
    private readonly shapes: readonly IntervalShape[],
    meet: (a: string, b: string) => boolean,
    size: (bucket: number) => readonly [number, number],
    /** The exact relation, for buckets near the margin. */
    private readonly clashes: (a: number, b: number) => boolean,
  ) {
    let largest = 1;
    for (const s of shapes) {
      if (Number.isFinite(s.lo)) largest = Math.max(largest, Math.abs(s.lo));
      if (Number.isFinite(s.hi)) largest = Math.max(largest, Math.abs(s.hi));
    }
    this.margin = 2e-9 * largest;
    const pools = new Map<string, Pool>();
    shapes.forEach((s, b) => {
      let p = pools.get(s.pool);
      if (!p) {
        p = { name: s.pool, members: [], meets: [] };
        pools.set(s.pool, p);
      }
      p.members.push(b);
      this.poolOf[b] = p;
    });
    const all = [...pools.values()];
    for (const p of all) {
      p.byHi = new SortedRun(p.members, (b) => shapes[b]!.hi, size);
      p.byLo = new SortedRun(p.members, (b) => -shapes[b]!.lo, size);
    }
    for (let i = 0; i < all.length; i++) {
      for (let j = i; j < all.length; j++) {
        if (!meet(all[i]!.name, all[j]!.name)) continue;
        all[i]!.meets.push(all[j]!);
        if (j !== i) all[j]!.meets.push(all[i]!);
      }
    }
  }

  /** Every bucket that clashes with bucket b. */
  clashSet(b: number): ClashSet {
    const cached = this.sets.get(b);
    if (cached) return cached;
    const s = this.shapes[b]!;
    const runs: Array<{ run: SortedRun; to: number }> = [];
    const singles: number[] = [];
    let buckets = 0;
    let items = 0;
    let files = 0;
    const take = (run: SortedRun, threshold: number) => {
      const sure = run.below(threshold - this.margin);
      const maybe = run.below(threshold);
      if (sure > 0) {
        runs.push({ run, to: sure });
        buckets += sure;
        items += run.items[sure]!;
        files += run.files[sure]!;
      }
      for (let k = sure; k < maybe; k++) {
        const other = run.ids[k]!;
        if (!this.clashes(b, other)) continue;
        singles.push(other);
        buckets++;
        items += run.items[k + 1]! - run.items[k]!;
        files += run.files[k + 1]! - run.files[k]!;
      }
    };
    for (const q of this.poolOf[b]!.meets) {
      take(q.byHi!, s.lo); // ends below b's lower end
      take(q.byLo!, -s.hi); // starts above b's upper end
    }
    const set: ClashSet = { runs, singles, buckets, items, files };
    this.sets.set(b, set);
    return set;
  }
}
