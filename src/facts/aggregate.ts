// Corpus-wide aggregation: observations (facts, claim records) are grouped by
// key, and within a key by bucket (one value in one year). Buckets are compared
// with each other, never observations with observations, so the work and the
// memory grow with the number of observations and distinct values, not with
// articles × articles. Each file gets at most one conflict per key.
//
// Most keys hold one value only, so the first pass just groups by key and
// notes whether a second value turned up; buckets, per-file lists and corpus
// positions are built only for keys that hold two values or more.
//
// Comparing every pair of buckets is quadratic in the number of distinct
// values. With an interval layout of the clash relation (facts: quantities
// that do not overlap) the buckets are indexed instead (interval-index.ts) and
// each file's side is worked out from its own observations, prefix sums and
// the first few clashing buckets in corpus order: linear in the observations,
// times a logarithm.
import { ClashStream, IntervalIndex, type IntervalClash, type IntervalShape } from './interval-index.js';

export interface Observation {
  readonly file: string;
  /** Observations with the same key are about the same thing. */
  readonly key: string;
  /** Observations in one bucket agree (same value, same year…). */
  readonly bucket: string;
  /** Start offset of the sentence: two readings of one sentence are never set against each other. */
  readonly sentence: number;
}

export interface OtherValue<T> {
  /** One observation of the value (the first outside this sentence). */
  readonly example: T;
  /** How many observations hold it. */
  readonly count: number;
}

export interface ConflictSide<T> {
  readonly key: string;
  readonly file: string;
  /** The file's first observation that conflicts with another one. */
  readonly at: T;
  /** What it conflicts with: this file's first, then other files in corpus order; at most `cap`. */
  readonly against: readonly T[];
  /** How many observations it conflicts with in all. */
  readonly total: number;
  /** How many of those are in this file. */
  readonly inFile: number;
  /** How many other files hold a conflicting observation. */
  readonly otherFiles: number;
  /**
   * The conflicting values, one entry per bucket, in corpus order. With an
   * interval layout, only the buckets of the first `layout.values` distinct values.
   */
  readonly values: readonly OtherValue<T>[];
}

/** An observation with its position in the corpus (the order results are sorted by). */
interface Positioned<T> {
  readonly item: T;
  readonly index: number;
}

interface Placed<T> extends Positioned<T> {
  readonly bucket: Bucket<T>;
}

interface IndexedPlaced<T> extends Positioned<T> {
  readonly at: IndexedBucket<T>;
}

interface Bucket<T> {
  readonly first: T;
  readonly items: Placed<T>[];
  /** Items per file, in order. */
  readonly byFile: Map<string, Placed<T>[]>;
  /** The buckets it clashes with, in bucket order. */
  readonly clashes: Bucket<T>[];
  /** Files of all clashing buckets (worked out once, when first needed). */
  otherFileSet?: Set<string>;
}

interface Group<T> {
  readonly key: string;
  readonly items: T[];
  readonly index: number[];
  /** Set once an item with another bucket than the first turns up. */
  several: boolean;
}

const EXACT_FILE_COUNT = 512;

const sameSentence = (a: Observation, b: Observation): boolean => a.sentence === b.sentence && a.file === b.file;

/**
 * Every (key, file) pair whose file holds an observation that clashes with
 * another observation of the key (in the same file or another). `clash` is
 * called on one representative of each bucket, so it must depend only on what
 * the bucket id encodes. Items are expected in corpus order.
 */
export function findConflicts<T extends Observation>(
  items: Iterable<T>,
  clash: (a: T, b: T) => boolean,
  cap = 3,
  /** Which of a file's conflicting observations should carry its finding (default: the first). */
  prefer?: (item: T) => boolean,
  /** How the clash relation is laid out, when it is intervals (see interval-index.ts). */
  layout?: IntervalClash<T>,
): ConflictSide<T>[] {
  const groups = new Map<string, Group<T>>();
  let n = 0;
  for (const item of items) {
    let g = groups.get(item.key);
    if (!g) {
      g = { key: item.key, items: [], index: [], several: false };
      groups.set(item.key, g);
    } else if (!g.several && item.bucket !== g.items[0]!.bucket) {
      g.several = true;
    }
    g.items.push(item);
    g.index.push(n++);
  }
  const out: ConflictSide<T>[] = [];
  for (const g of groups.values()) {
    if (!g.several) continue;
    if (!layout || !conflictsOfIndexedGroup(g, clash, cap, prefer, layout, out)) conflictsOfGroup(g, clash, cap, prefer, out);
  }
  return out;
}

function conflictsOfGroup<T extends Observation>(
  g: Group<T>,
  clash: (a: T, b: T) => boolean,
  cap: number,
  prefer: ((item: T) => boolean) | undefined,
  out: ConflictSide<T>[],
): void {
  const byId = new Map<string, Bucket<T>>();
  const buckets: Bucket<T>[] = [];
  for (const item of g.items) {
    if (byId.has(item.bucket)) continue;
    const b: Bucket<T> = { first: item, items: [], byFile: new Map(), clashes: [] };
    byId.set(item.bucket, b);
    buckets.push(b);
  }
  // Pairs in bucket order, so each bucket's clash list is in bucket order too.
  let any = false;
  for (let i = 0; i < buckets.length; i++) {
    for (let j = i + 1; j < buckets.length; j++) {
      const a = buckets[i]!;
      const b = buckets[j]!;
      if (!clash(a.first, b.first)) continue;
      a.clashes.push(b);
      b.clashes.push(a);
      any = true;
    }
  }
  if (!any) return;
  const all: Placed<T>[] = [];
  for (let k = 0; k < g.items.length; k++) {
    const item = g.items[k]!;
    const bucket = byId.get(item.bucket)!;
    const p: Placed<T> = { item, index: g.index[k]!, bucket };
    all.push(p);
    bucket.items.push(p);
    const list = bucket.byFile.get(item.file);
    if (list) list.push(p);
    else bucket.byFile.set(item.file, [p]);
  }
  // Per file: the first conflicting observation, or the first preferred one.
  const chosen = new Map<string, Placed<T>>();
  for (const p of all) {
    if (p.bucket.clashes.length === 0) continue;
    const current = chosen.get(p.item.file);
    if (!current || (prefer && !prefer(current.item) && prefer(p.item))) chosen.set(p.item.file, p);
  }
  const done = new Set<string>();
  for (const p of all) {
    const item = p.item;
    if (chosen.get(item.file) !== p || done.has(item.file)) continue;
    const others = p.bucket.clashes;
    let total = 0;
    let inFile = 0;
    let fileCount = 0;
    const values: Array<{ example: Placed<T>; count: number }> = [];
    for (const b of others) {
      const here = b.byFile.get(item.file);
      let same = 0;
      if (here) for (const x of here) if (x.item.sentence === item.sentence) same++;
      const count = b.items.length - same;
      if (count === 0) continue;
      total += count;
      inFile += (here?.length ?? 0) - same;
      fileCount += b.byFile.size;
      let example = b.items[0]!;
      if (same > 0) for (const x of b.items) if (!sameSentence(x.item, item)) { example = x; break; }
      values.push({ example, count });
    }
    if (total === 0) continue;
    // Exact count of other files while it is cheap; past that, the sum over
    // values (a file holding two conflicting values counts twice).
    let otherFiles = 0;
    if (fileCount <= EXACT_FILE_COUNT) {
      const seen = otherFileSet(p.bucket);
      otherFiles = seen.size - (seen.has(item.file) ? 1 : 0);
    } else {
      for (const b of others) otherFiles += b.byFile.size - (b.byFile.has(item.file) ? 1 : 0);
    }
    done.add(item.file);
    values.sort((x, y) => x.example.index - y.example.index);
    out.push({
      key: g.key,
      file: item.file,
      at: item,
      against: pickAgainst(item, others, cap),
      total,
      inFile,
      otherFiles,
      values: values.map((v) => ({ example: v.example.item, count: v.count })),
    });
  }
}

/** Files holding an observation of a bucket that clashes with `b` (the same for every item of `b`). */
function otherFileSet<T>(b: Bucket<T>): Set<string> {
  if (!b.otherFileSet) {
    const seen = new Set<string>();
    for (const o of b.clashes) for (const f of o.byFile.keys()) seen.add(f);
    b.otherFileSet = seen;
  }
  return b.otherFileSet;
}

/** Up to `cap` clashing observations: this file's first (nearest the reader), then the rest of the corpus in order. */
function pickAgainst<T extends Observation>(item: T, others: readonly Bucket<T>[], cap: number): T[] {
  const here: Placed<T>[] = [];
  const elsewhere: Placed<T>[] = [];
  for (const b of others) {
    for (const x of b.byFile.get(item.file) ?? []) if (!sameSentence(x.item, item)) here.push(x);
    let taken = 0;
    for (const x of b.items) {
      if (taken >= cap) break;
      if (x.item.file === item.file) continue;
      elsewhere.push(x);
      taken++;
    }
  }
  const byOrder = (a: Placed<T>, b: Placed<T>) => a.index - b.index;
  // One sentence read twice (two values, two qualifiers) is listed once.
  const out: T[] = [];
  for (const x of [...here.sort(byOrder), ...elsewhere.sort(byOrder)]) {
    if (out.some((o) => sameSentence(o, x.item))) continue;
    out.push(x.item);
    if (out.length === cap) break;
  }
  return out;
}

interface IndexedBucket<T> {
  readonly number: number;
  readonly first: T;
  readonly items: IndexedPlaced<T>[];
  readonly files: Set<string>;
  readonly shape: IntervalShape;
  otherFileSet?: Set<string>;
}

/**
 * conflictsOfGroup's results without comparing buckets pairwise. Returns false
 * (and does nothing) when a bucket has no shape: the caller compares pairwise.
 */
function conflictsOfIndexedGroup<T extends Observation>(
  g: Group<T>,
  clash: (a: T, b: T) => boolean,
  cap: number,
  prefer: ((item: T) => boolean) | undefined,
  layout: IntervalClash<T>,
  out: ConflictSide<T>[],
): boolean {
  const byId = new Map<string, IndexedBucket<T>>();
  const buckets: IndexedBucket<T>[] = [];
  for (const item of g.items) {
    if (byId.has(item.bucket)) continue;
    const shape = layout.shape(item);
    if (!shape) return false;
    const b: IndexedBucket<T> = { number: buckets.length, first: item, items: [], files: new Set(), shape };
    byId.set(item.bucket, b);
    buckets.push(b);
  }
  const all: IndexedPlaced<T>[] = [];
  const byFile = new Map<string, IndexedPlaced<T>[]>();
  const byValue = new Map<string, IndexedBucket<T>[]>();
  for (const b of buckets) {
    const list = byValue.get(b.shape.value);
    if (list) list.push(b);
    else byValue.set(b.shape.value, [b]);
  }
  for (let k = 0; k < g.items.length; k++) {
    const item = g.items[k]!;
    const at = byId.get(item.bucket)!;
    const p: IndexedPlaced<T> = { item, index: g.index[k]!, at };
    all.push(p);
    at.items.push(p);
    at.files.add(item.file);
    const list = byFile.get(item.file);
    if (list) list.push(p);
    else byFile.set(item.file, [p]);
  }
  const clashes = (a: IndexedBucket<T>, b: IndexedBucket<T>) => a !== b && clash(a.first, b.first);
  const index = new IntervalIndex(
    buckets.map((b) => b.shape),
    layout.meet,
    (n) => [buckets[n]!.items.length, buckets[n]!.files.size],
    (a, b) => clashes(buckets[a]!, buckets[b]!),
  );
  const chosen = new Map<string, IndexedPlaced<T>>();
  for (const p of all) {
    if (index.clashSet(p.at.number).buckets === 0) continue;
    const current = chosen.get(p.item.file);
    if (!current || (prefer && !prefer(current.item) && prefer(p.item))) chosen.set(p.item.file, p);
  }
  const done = new Set<string>();
  for (const p of all) {
    const item = p.item;
    if (chosen.get(item.file) !== p || done.has(item.file)) continue;
    const set = index.clashSet(p.at.number);
    const mine = byFile.get(item.file)!;
    // This file's observations of clashing buckets: in this sentence, and elsewhere in the file.
    const same = new Map<IndexedBucket<T>, number>();
    const here: Positioned<T>[] = [];
    const clashingHere = new Set<IndexedBucket<T>>();
    for (const x of mine) {
      if (!clashes(p.at, x.at)) continue;
      clashingHere.add(x.at);
      if (x.item.sentence === item.sentence) same.set(x.at, (same.get(x.at) ?? 0) + 1);
      else here.push(x);
    }
    let sameTotal = 0;
    let emptied = 0;
    for (const [b, n] of same) {
      sameTotal += n;
      if (n === b.items.length) emptied++;
    }
    const total = set.items - sameTotal;
    if (total === 0) continue;
    const inFile = here.length;
    const fileCount = set.files - emptied;
    let otherFiles: number;
    if (fileCount <= EXACT_FILE_COUNT) {
      const seen = indexedOtherFileSet(p.at, index.clashSet(p.at.number), buckets);
      otherFiles = seen.size - (seen.has(item.file) ? 1 : 0);
    } else {
      otherFiles = set.files - clashingHere.size;
    }
    done.add(item.file);
    out.push({
      key: g.key,
      file: item.file,
      at: item,
      against: indexedAgainst(item, here, set, buckets, cap),
      total,
      inFile,
      otherFiles,
      values: indexedValues(item, set, same, buckets, byValue, clashes, p.at, layout.values),
    });
  }
  return true;
}

/** First observation of a bucket outside the sentence of `item`, or undefined. */
function exampleOf<T extends Observation>(b: IndexedBucket<T>, item: T, sameCount: number): Positioned<T> | undefined {
  if (sameCount === 0) return b.items[0];
  if (sameCount === b.items.length) return undefined;
  for (const x of b.items) if (!sameSentence(x.item, item)) return x;
  return undefined;
}

/** The buckets of the first `limit` distinct values among the clashing ones, in corpus order of their examples. */
function indexedValues<T extends Observation>(
  item: T,
  set: ReturnType<IntervalIndex['clashSet']>,
  same: ReadonlyMap<IndexedBucket<T>, number>,
  buckets: readonly IndexedBucket<T>[],
  byValue: ReadonlyMap<string, readonly IndexedBucket<T>[]>,
  clashes: (a: IndexedBucket<T>, b: IndexedBucket<T>) => boolean,
  self: IndexedBucket<T>,
  limit: number,
): OtherValue<T>[] {
  // Buckets read in this very sentence have a later example: they wait in order of it.
  const deferred: Array<{ bucket: IndexedBucket<T>; example: Positioned<T> }> = [];
  for (const [b, n] of same) {
    const example = exampleOf(b, item, n);
    if (example) deferred.push({ bucket: b, example });
  }
  deferred.sort((x, y) => x.example.index - y.example.index);
  const picked = new Map<IndexedBucket<T>, Positioned<T>>();
  const seen = new Set<string>();
  const admit = (b: IndexedBucket<T>, example: Positioned<T>): boolean => {
    if (!seen.has(b.shape.value)) {
      if (seen.size === limit) return false;
      seen.add(b.shape.value);
    }
    picked.set(b, example);
    return true;
  };
  const stream = new ClashStream(set);
  let d = 0;
  let full = false;
  for (let n = stream.next(); n >= 0 && !full; n = stream.next()) {
    const b = buckets[n]!;
    if (same.has(b)) continue;
    const example = b.items[0]!;
    while (d < deferred.length && deferred[d]!.example.index < example.index && !full) {
      full = !admit(deferred[d]!.bucket, deferred[d]!.example);
      d++;
    }
    if (!full) full = !admit(b, example);
  }
  for (; d < deferred.length && !full; d++) full = !admit(deferred[d]!.bucket, deferred[d]!.example);
  // The rest of each listed value (its other years), wherever they stand in the corpus.
  for (const value of seen) {
    for (const b of byValue.get(value) ?? []) {
      if (picked.has(b) || !clashes(self, b)) continue;
      const example = exampleOf(b, item, same.get(b) ?? 0);
      if (example) picked.set(b, example);
    }
  }
  return [...picked]
    .sort((x, y) => x[1].index - y[1].index)
    .map(([b, example]) => ({ example: example.item, count: b.items.length - (same.get(b) ?? 0) }));
}

/** pickAgainst for the indexed path: this file's own lines first, then up to `cap` per clashing bucket elsewhere, in corpus order. */
function indexedAgainst<T extends Observation>(
  item: T,
  here: readonly Positioned<T>[],
  set: ReturnType<IntervalIndex['clashSet']>,
  buckets: readonly IndexedBucket<T>[],
  cap: number,
): T[] {
  const out: T[] = [];
  const add = (x: Positioned<T>): boolean => {
    if (!out.some((o) => sameSentence(o, x.item))) out.push(x.item);
    return out.length === cap;
  };
  for (const x of here) if (add(x)) return out;
  // A merge over the clashing buckets' observations, buckets joining in corpus order.
  interface Cursor {
    readonly bucket: IndexedBucket<T>;
    pos: number;
    taken: number;
  }
  const skipOwn = (c: Cursor) => {
    while (c.pos < c.bucket.items.length && c.bucket.items[c.pos]!.item.file === item.file) c.pos++;
    return c.pos < c.bucket.items.length;
  };
  const open: Cursor[] = [];
  const stream = new ClashStream(set);
  for (;;) {
    // Buckets whose first observation comes before every open cursor's next one join the merge.
    while (stream.peek() >= 0) {
      const next = buckets[stream.peek()]!;
      const head = open.reduce<Cursor | undefined>((m, c) => (!m || c.bucket.items[c.pos]!.index < m.bucket.items[m.pos]!.index ? c : m), undefined);
      if (head && head.bucket.items[head.pos]!.index < next.items[0]!.index) break;
      stream.next();
      const c: Cursor = { bucket: next, pos: 0, taken: 0 };
      if (skipOwn(c)) open.push(c);
    }
    if (open.length === 0) return out;
    let h = 0;
    for (let k = 1; k < open.length; k++) if (open[k]!.bucket.items[open[k]!.pos]!.index < open[h]!.bucket.items[open[h]!.pos]!.index) h = k;
    const c = open[h]!;
    if (add(c.bucket.items[c.pos]!)) return out;
    c.taken++;
    c.pos++;
    if (c.taken >= cap || !skipOwn(c)) open.splice(h, 1);
  }
}

function indexedOtherFileSet<T>(b: IndexedBucket<T>, set: ReturnType<IntervalIndex['clashSet']>, buckets: readonly IndexedBucket<T>[]): Set<string> {
  if (!b.otherFileSet) {
    const seen = new Set<string>();
    const stream = new ClashStream(set);
    for (let n = stream.next(); n >= 0; n = stream.next()) for (const f of buckets[n]!.files) seen.add(f);
    b.otherFileSet = seen;
  }
  return b.otherFileSet;
}
