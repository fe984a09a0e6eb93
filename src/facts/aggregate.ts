// Corpus-wide aggregation: observations (facts, claim records) are grouped by
// key, and within a key by bucket (one value in one year). Buckets are compared
// with each other, never observations with observations, so the work and the
// memory grow with the number of observations and distinct values, not with
// articles × articles. Each file gets at most one conflict per key.
//
// Most keys hold one value only, so the first pass just groups by key and
// notes whether a second value turned up; buckets, per-file lists and corpus
// positions are built only for keys that hold two values or more.

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
  /** The conflicting values, one entry per bucket, in corpus order. */
  readonly values: readonly OtherValue<T>[];
}

/** An observation with its position in the corpus (the order results are sorted by). */
interface Placed<T> {
  readonly item: T;
  readonly index: number;
  readonly bucket: Bucket<T>;
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
  for (const g of groups.values()) if (g.several) conflictsOfGroup(g, clash, cap, prefer, out);
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
