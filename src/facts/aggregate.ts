// Corpus-wide aggregation: observations (facts, claim records) are grouped by
// key, and within a key by bucket (one value in one year). Buckets are compared
// with each other, never observations with observations, so the work and the
// memory grow with the number of observations and distinct values, not with
// articles × articles. Each file gets at most one conflict per key.

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

interface Bucket<T> {
  readonly id: string;
  readonly first: T;
  readonly items: T[];
  /** Items per file, in order. */
  readonly byFile: Map<string, T[]>;
  /** Items per file + sentence. */
  readonly bySentence: Map<string, number>;
}

interface Group<T> {
  readonly buckets: Map<string, Bucket<T>>;
  /** Every item of the key in corpus order (file order, then position). */
  readonly all: T[];
}

const EXACT_FILE_COUNT = 512;

const sentenceKey = (o: Observation): string => `${o.file}\u0000${o.sentence}`;

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
  const order = new Map<T, number>();
  let n = 0;
  for (const item of items) {
    order.set(item, n++);
    let g = groups.get(item.key);
    if (!g) {
      g = { buckets: new Map(), all: [] };
      groups.set(item.key, g);
    }
    g.all.push(item);
    let b = g.buckets.get(item.bucket);
    if (!b) {
      b = { id: item.bucket, first: item, items: [], byFile: new Map(), bySentence: new Map() };
      g.buckets.set(item.bucket, b);
    }
    b.items.push(item);
    const list = b.byFile.get(item.file);
    if (list) list.push(item);
    else b.byFile.set(item.file, [item]);
    const sk = sentenceKey(item);
    b.bySentence.set(sk, (b.bySentence.get(sk) ?? 0) + 1);
  }

  const out: ConflictSide<T>[] = [];
  for (const [key, g] of groups) {
    if (g.buckets.size < 2) continue;
    const buckets = [...g.buckets.values()];
    const clashing = new Map<string, Bucket<T>[]>();
    for (let i = 0; i < buckets.length; i++) {
      for (let j = i + 1; j < buckets.length; j++) {
        const a = buckets[i]!;
        const b = buckets[j]!;
        if (!clash(a.first, b.first)) continue;
        clashing.set(a.id, [...(clashing.get(a.id) ?? []), b]);
        clashing.set(b.id, [...(clashing.get(b.id) ?? []), a]);
      }
    }
    if (clashing.size === 0) continue;
    // Per file: the first conflicting observation, or the first preferred one.
    const chosen = new Map<string, T>();
    for (const item of g.all) {
      if (!clashing.has(item.bucket)) continue;
      const current = chosen.get(item.file);
      if (!current || (prefer && !prefer(current) && prefer(item))) chosen.set(item.file, item);
    }
    const done = new Set<string>();
    for (const item of g.all) {
      if (done.has(item.file) || chosen.get(item.file) !== item) continue;
      const others = clashing.get(item.bucket)!;
      const sk = sentenceKey(item);
      let total = 0;
      let inFile = 0;
      let fileCount = 0;
      const values: OtherValue<T>[] = [];
      for (const b of others) {
        const same = b.bySentence.get(sk) ?? 0;
        const count = b.items.length - same;
        if (count === 0) continue;
        total += count;
        inFile += (b.byFile.get(item.file)?.length ?? 0) - same;
        fileCount += b.byFile.size;
        const example = b.items.find((x) => sentenceKey(x) !== sk)!;
        values.push({ example, count });
      }
      if (total === 0) continue;
      // Exact count of other files while it is cheap; past that, the sum over
      // values (a file holding two conflicting values counts twice).
      let otherFiles = 0;
      if (fileCount <= EXACT_FILE_COUNT) {
        const seen = new Set<string>();
        for (const b of others) for (const f of b.byFile.keys()) if (f !== item.file) seen.add(f);
        otherFiles = seen.size;
      } else {
        for (const b of others) otherFiles += b.byFile.size - (b.byFile.has(item.file) ? 1 : 0);
      }
      done.add(item.file);
      out.push({
        key,
        file: item.file,
        at: item,
        against: pickAgainst(item, others, cap, order),
        total,
        inFile,
        otherFiles,
        values: values.sort((x, y) => order.get(x.example)! - order.get(y.example)!),
      });
    }
  }
  return out;
}

/** Up to `cap` clashing observations: this file's first (nearest the reader), then the rest of the corpus in order. */
function pickAgainst<T extends Observation>(item: T, others: readonly Bucket<T>[], cap: number, order: ReadonlyMap<T, number>): T[] {
  const sk = sentenceKey(item);
  const here: T[] = [];
  const elsewhere: T[] = [];
  for (const b of others) {
    for (const x of b.byFile.get(item.file) ?? []) if (sentenceKey(x) !== sk) here.push(x);
    let taken = 0;
    for (const x of b.items) {
      if (taken >= cap) break;
      if (x.file === item.file) continue;
      elsewhere.push(x);
      taken++;
    }
  }
  const byOrder = (a: T, b: T) => order.get(a)! - order.get(b)!;
  // One sentence read twice (two values, two qualifiers) is listed once.
  const seen = new Set<string>();
  const out: T[] = [];
  for (const x of [...here.sort(byOrder), ...elsewhere.sort(byOrder)]) {
    const k = sentenceKey(x);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(x);
    if (out.length === cap) break;
  }
  return out;
}
