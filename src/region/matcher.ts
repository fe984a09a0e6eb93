/**
 * Finds place names in text and decides which division each one means.
 *
 * findPlaces makes one left-to-right pass with a trie of every surface form in
 * the gazetteer (and the stop words): at each position the longest form wins,
 * then scanning resumes after it. 河北省邯郸市 gives 河北省 and 邯郸市;
 * 中山大学 hits the stop word and gives nothing. The trie is built once per
 * gazetteer and cached.
 *
 * resolveMentions picks a reading for each mention using the other mentions of
 * the same list as context — the caller decides the scope (a sentence, a unit).
 */
import { codeParents, commonAncestor, type Gazetteer, type Sense } from './gazetteer.js';

export interface PlaceMention {
  text: string;
  /** Offsets into the caller's text (UTF-16), `offset` added. */
  start: number;
  end: number;
  /** Codes this text may stand for: strong readings first. */
  candidates: string[];
  /** True when every reading is weak: the mention counts only if a related mention confirms it. */
  weak: boolean;
  /** Per-candidate detail (kind, weak), in the order of `candidates`. */
  senses?: readonly Sense[];
}

export interface ResolvedMention extends PlaceMention {
  /** The division meant; undefined while still ambiguous or unconfirmed. */
  code?: string;
  /** unique: one strong reading; context: a related mention decided; default: data says so (海南). */
  resolvedBy?: 'unique' | 'context' | 'default';
  /**
   * Deepest division all remaining readings share, when they share one: an
   * unresolved 吉林 (province or 吉林市) is still within 220000.
   */
  within?: string;
}

interface Entry {
  readonly text: string;
  /** Stop word: consumes its text and yields nothing. */
  readonly stop: boolean;
  readonly candidates: readonly string[];
  readonly senses: readonly Sense[];
  readonly weak: boolean;
  /** Some reading is an official name, so a following 路 does not make it a street. */
  readonly official: boolean;
  /** Next characters after which this form is cut back to a shorter one (吉林市|场). */
  readonly guardNext?: ReadonlySet<number>;
}

export interface Matcher {
  /** Root children indexed by UTF-16 code unit; 0 means none. */
  readonly root: Int32Array;
  /**
   * Children of node n: childChar/childNode[firstChild[n] .. firstChild[n + 1]),
   * sorted by code unit. Flat arrays keep the scan free of allocation and of
   * hashing.
   */
  readonly firstChild: Int32Array;
  readonly childChar: Uint16Array;
  readonly childNode: Int32Array;
  /** Entry index per node, -1 when no form ends there. */
  readonly term: Int32Array;
  readonly entries: readonly Entry[];
  /** Street suffixes by their first code unit. */
  readonly streets: ReadonlyMap<number, readonly string[]>;
  /** Length of the longest form: the deepest walk from any position. */
  readonly maxDepth: number;
  /** Bit per code unit that is a whole form by itself. */
  readonly singles: Uint8Array;
  /**
   * Bit per hashed pair of code units that starts a form of two or more
   * units. Nearly every position of a text starts none: one hash and one
   * load from this small table settle it without touching the trie (a set bit
   * can be a false alarm, which the trie then settles).
   */
  readonly pairs: Uint8Array;
}

const PAIR_BITS = 17;

/** Hash of the first two code units of a form, PAIR_BITS wide. */
const pairHash = (a: number, b: number): number => ((Math.imul(a, 0x9e3779b1) >>> (32 - PAIR_BITS)) ^ b) & ((1 << PAIR_BITS) - 1);

const matchers = new WeakMap<Gazetteer, Matcher>();
let lastGazetteer: Gazetteer | undefined;
let lastMatcher: Matcher | undefined;

/** Takes `m`, compiled by an earlier run from the same gazetteer (and read back with it), as the trie for `g`. */
export function useStoredMatcher(g: Gazetteer, m: Matcher): void {
  matchers.set(g, m);
}

/** The trie for a gazetteer, built on first use and cached. */
export function compileMatcher(g: Gazetteer): Matcher {
  // Nearly every call is for the one gazetteer of the process: skip the WeakMap.
  if (g === lastGazetteer) return lastMatcher!;
  let m = matchers.get(g);
  if (m) {
    lastGazetteer = g;
    lastMatcher = m;
    return m;
  }

  const guards = new Map<string, Set<number>>();
  for (const gd of g.suffixGuards) {
    const set = guards.get(gd.last) ?? new Set<number>();
    for (const n of gd.next) set.add(n.charCodeAt(0));
    guards.set(gd.last, set);
  }

  const entries: Entry[] = [];
  const stops = new Set(g.stopWords);
  for (const [text, senses] of g.lexicon) {
    if (stops.has(text)) continue;
    const ordered = [...senses].sort((a, b) => Number(a.weak) - Number(b.weak) || a.code.localeCompare(b.code));
    const official = ordered.some((s) => s.kind === 'name');
    const guardNext = official ? guards.get(text.slice(-1)) : undefined;
    entries.push({
      text,
      stop: false,
      candidates: ordered.map((s) => s.code),
      senses: ordered,
      weak: ordered.every((s) => s.weak),
      official,
      // Always present (maybe undefined): one shape for every entry keeps the scan's property reads fast.
      guardNext,
    });
  }
  for (const text of stops) {
    entries.push({ text, stop: true, candidates: [], senses: [], weak: true, official: false, guardNext: undefined });
  }

  // Forms are inserted in code-unit order, so a node's children are created in
  // order of their code unit and the child a form continues with, if it
  // exists, is the node's newest one: no per-node maps are needed.
  // (The default sort compares strings by code unit; texts are unique.)
  const indexOf = new Map<string, number>();
  entries.forEach((e, idx) => indexOf.set(e.text, idx));
  const order = [...indexOf.keys()].filter((text) => text.length > 0).sort().map((text) => indexOf.get(text)!);
  const root = new Int32Array(0x10000);
  const terms: number[] = [-1];
  const lastChar: number[] = [-1];
  const lastNode: number[] = [0];
  // Edges in creation order: parent node, code unit, child node.
  const parents: number[] = [];
  const chars: number[] = [];
  const kids: number[] = [];
  const newNode = (): number => {
    terms.push(-1);
    lastChar.push(-1);
    lastNode.push(0);
    return terms.length - 1;
  };
  let maxDepth = 0;
  for (const idx of order) {
    const text = entries[idx]!.text;
    maxDepth = Math.max(maxDepth, text.length);
    const c0 = text.charCodeAt(0);
    let node = root[c0]!;
    if (node === 0) {
      node = newNode();
      root[c0] = node;
    }
    for (let k = 1; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (lastChar[node] !== c) {
        const next = newNode();
        parents.push(node);
        chars.push(c);
        kids.push(next);
        lastChar[node] = c;
        lastNode[node] = next;
      }
      node = lastNode[node]!;
    }
    terms[node] = idx;
  }

  // Children laid out flat, node by node; each node's stay in creation (= code-unit) order.
  const nodes = terms.length;
  const firstChild = new Int32Array(nodes + 1);
  for (const p of parents) firstChild[p + 1]!++;
  for (let n = 0; n < nodes; n++) firstChild[n + 1]! += firstChild[n]!;
  const childChar = new Uint16Array(parents.length);
  const childNode = new Int32Array(parents.length);
  const fill = firstChild.slice(0, nodes);
  for (let e = 0; e < parents.length; e++) {
    const k = fill[parents[e]!]!++;
    childChar[k] = chars[e]!;
    childNode[k] = kids[e]!;
  }

  const streets = new Map<number, string[]>();
  for (const s of g.streetSuffixes) {
    if (!s) continue;
    const c = s.charCodeAt(0);
    streets.set(c, [...(streets.get(c) ?? []), s]);
  }

  const singles = new Uint8Array(0x10000 >> 3);
  const pairs = new Uint8Array((1 << PAIR_BITS) >> 3);
  for (let c = 0; c < 0x10000; c++) {
    const node = root[c]!;
    if (node === 0) continue;
    if (terms[node]! >= 0) singles[c >> 3]! |= 1 << (c & 7);
    for (let k = firstChild[node]!; k < firstChild[node + 1]!; k++) {
      const h = pairHash(c, childChar[k]!);
      pairs[h >> 3]! |= 1 << (h & 7);
    }
  }

  m = { root, firstChild, childChar, childNode, term: Int32Array.from(terms), entries, streets, maxDepth, singles, pairs };
  matchers.set(g, m);
  lastGazetteer = g;
  lastMatcher = m;
  return m;
}

/** The child of `node` along code unit `c`, or 0. */
function child(m: Matcher, node: number, c: number): number {
  const { childChar, childNode } = m;
  let lo = m.firstChild[node]!;
  const end = m.firstChild[node + 1]!;
  // Most nodes have a child or two: scan those; bisect the wide ones down to
  // the first child not below c.
  let hi = end;
  while (hi - lo > 8) {
    const mid = (lo + hi) >>> 1;
    if (childChar[mid]! < c) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < end; lo++) {
    const k = childChar[lo]!;
    if (k === c) return childNode[lo]!;
    if (k > c) return 0;
  }
  return 0;
}

/**
 * Hits of the last scan, three numbers each (entry, start, end). Reused from
 * scan to scan: read them before scanning again.
 */
let hitBuf = new Int32Array(48);
/** Ends and entries of the forms along one walk, shortest first. */
let walkEnds = new Int32Array(16);
let walkHits = new Int32Array(16);

/**
 * The matching pass of findPlaces: writes every hit into hitBuf and returns
 * how many there are. Allocates nothing unless the buffers must grow.
 */
function scan(m: Matcher, text: string): number {
  const { root, term, entries, streets, singles, pairs } = m;
  if (walkEnds.length < m.maxDepth + 1) {
    walkEnds = new Int32Array(m.maxDepth + 1);
    walkHits = new Int32Array(m.maxDepth + 1);
  }
  const ends = walkEnds;
  const hits = walkHits;
  const n = text.length;
  let found = 0;
  let i = 0;
  // c is the code unit at i, c1 the one after it (-1 at the end).
  let c = n > 0 ? text.charCodeAt(0) : 0;
  while (i < n) {
    const c1 = i + 1 < n ? text.charCodeAt(i + 1) : -1;
    let count = 0;
    if ((singles[c >> 3]! & (1 << (c & 7))) !== 0) {
      ends[0] = i + 1;
      hits[0] = term[root[c]!]!;
      count = 1;
    }
    if (c1 >= 0) {
      const h = pairHash(c, c1);
      let node = (pairs[h >> 3]! & (1 << (h & 7))) !== 0 ? root[c]! : 0;
      let j = i + 1;
      while (node !== 0) {
        node = child(m, node, text.charCodeAt(j));
        if (node === 0) break;
        j++;
        const t = term[node]!;
        if (t >= 0) {
          ends[count] = j;
          hits[count] = t;
          count++;
        }
        if (j >= n) break;
      }
    }
    if (count === 0) {
      i++;
      c = c1;
      continue;
    }
    // Longest first; a guarded form (吉林市 before 场) falls back to a shorter one.
    let chosen = -1;
    for (let k = count - 1; k >= 0; k--) {
      const e = entries[hits[k]!]!;
      if (!e.stop && e.guardNext && ends[k]! < n && e.guardNext.has(text.charCodeAt(ends[k]!))) continue;
      chosen = k;
      break;
    }
    if (chosen < 0) {
      i++;
      c = c1;
      continue;
    }
    const e = entries[hits[chosen]!]!;
    const end = ends[chosen]!;
    if (!e.stop && !(!e.official && isStreet(text, end, streets))) {
      if (3 * found + 3 > hitBuf.length) {
        const grown = new Int32Array(hitBuf.length * 2);
        grown.set(hitBuf);
        hitBuf = grown;
      }
      hitBuf[3 * found] = hits[chosen]!;
      hitBuf[3 * found + 1] = i;
      hitBuf[3 * found + 2] = end;
      found++;
    }
    i = end;
    if (i < n) c = text.charCodeAt(i);
  }
  return found;
}

/**
 * Place names in `text`, left to right, without overlaps. `offset` is added to
 * every start/end so a caller can pass a sentence and get file offsets back.
 */
export function findPlaces(g: Gazetteer, text: string, offset = 0): PlaceMention[] {
  const m = compileMatcher(g);
  return mentionsOf(m, scan(m, text), offset);
}

/**
 * findPlaces(g, text), but only when some place found has readings that
 * `wanted` accepts; otherwise undefined, having allocated nothing. For callers
 * that drop most texts on the readings alone (a rule looking for places
 * outside a region).
 */
export function findPlacesIf(
  g: Gazetteer,
  text: string,
  wanted: (senses: readonly Sense[]) => boolean,
): PlaceMention[] | undefined {
  const m = compileMatcher(g);
  const count = scan(m, text);
  for (let k = 0; k < count; k++) {
    if (wanted(m.entries[hitBuf[3 * k]!]!.senses)) return mentionsOf(m, count, 0);
  }
  return undefined;
}

/** The mentions of the last scan. */
function mentionsOf(m: Matcher, count: number, offset: number): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (let k = 0; k < count; k++) {
    const e = m.entries[hitBuf[3 * k]!]!;
    out.push({
      text: e.text,
      start: offset + hitBuf[3 * k + 1]!,
      end: offset + hitBuf[3 * k + 2]!,
      candidates: [...e.candidates],
      weak: e.weak,
      senses: e.senses,
    });
  }
  return out;
}

function isStreet(text: string, at: number, streets: ReadonlyMap<number, readonly string[]>): boolean {
  if (at >= text.length) return false;
  const list = streets.get(text.charCodeAt(at));
  return list !== undefined && list.some((s) => text.startsWith(s, at));
}

/**
 * Decides each mention's division. A reading is confirmed when another
 * (non-weak) mention in the list names a strictly enclosing or enclosed
 * division: 河北 confirms 邯郸 and 邯郸 confirms 河北; 北京 picks 朝阳区
 * (110105) out of its namesakes; 吉林省 next to 吉林 picks 吉林市 — the same
 * code does not confirm itself, so an article saying 吉林省…吉林 means the
 * city. Weak readings are confirmed only by their direct parent or a direct
 * child. Adjacent mentions (河北邯郸) are tried before the rest of the list.
 * Without confirmation a mention resolves only when it has exactly one strong
 * reading (or a data default); weak mentions stay unresolved.
 *
 * `context` codes (a unit's region and the divisions enclosing it) confirm
 * readings as strong mentions of the list would, but are never adjacent to
 * one and get no reading themselves.
 */
export function resolveMentions(
  g: Gazetteer,
  mentions: readonly PlaceMention[],
  context: readonly string[] = NO_CODES,
): ResolvedMention[] {
  const n = mentions.length;
  const up = codeParents(g);
  const strongOf: Array<readonly string[]> = [];
  for (const m of mentions) strongOf.push(m.weak ? NO_CODES : strongCodes(m));

  // Adjacent mentions in order of start (ties keep list order): the previous
  // and next ones whose span touches. findPlaces gives them in order already.
  let order: number[] | undefined;
  for (let i = 1; i < n; i++) {
    if (mentions[i]!.start < mentions[i - 1]!.start) {
      order = mentions.map((_, k) => k).sort((a, b) => mentions[a]!.start - mentions[b]!.start);
      break;
    }
  }
  let rank: number[] | undefined;
  if (order) {
    rank = new Array<number>(n);
    for (let k = 0; k < n; k++) rank[order[k]!] = k;
  }
  const at = (k: number): number => (order ? order[k]! : k);

  const out: ResolvedMention[] = [];
  for (let i = 0; i < n; i++) {
    const m = mentions[i]!;
    const k = rank ? rank[i]! : i;
    const prev = k > 0 && mentions[at(k - 1)]!.end === m.start ? at(k - 1) : -1;
    const next = k + 1 < n && mentions[at(k + 1)]!.start === m.end ? at(k + 1) : -1;
    out.push(resolveOne(g, up, m, i, strongOf, context, prev, next));
  }
  return out;
}

/**
 * One mention's reading. `prev`/`next` are its adjacent mentions (-1 when
 * none). Adjacent mentions are tried first, then the whole list and the
 * context codes.
 */
function resolveOne(
  g: Gazetteer,
  up: Parents,
  m: PlaceMention,
  i: number,
  strongOf: ReadonlyArray<readonly string[]>,
  context: readonly string[],
  prev: number,
  next: number,
): ResolvedMention {
  const byNeighbours = confirmedReadings(up, m, i, strongOf, NO_CODES, prev, next, false);
  if (byNeighbours !== undefined) {
    const code = pickOne(m, byNeighbours);
    if (code !== undefined) return reading(m, code, 'context', code);
  }
  const byList = confirmedReadings(up, m, i, strongOf, context, prev, next, true);
  if (byList !== undefined) {
    const code = pickOne(m, byList);
    if (code !== undefined) return reading(m, code, 'context', code);
    return withWithin(g, m, byList);
  }

  if (m.weak) return reading(m);
  const strong = strongCodes(m);
  const preferred = g.preferWhenAlone.get(m.text);
  if (preferred !== undefined && strong.includes(preferred)) {
    return reading(m, preferred, 'default', preferred);
  }
  if (g.alwaysAmbiguous.has(m.text)) return withWithin(g, m, m.candidates);
  if (strong.length === 1) return reading(m, strong[0]!, 'unique', strong[0]!);
  return withWithin(g, m, strong);
}

type Parents = ReadonlyMap<string, readonly string[]>;

/**
 * The candidates of mention `i` that a strong code of another mention
 * confirms — of its adjacent mentions only, or (`whole`) of every other
 * mention and the context codes; undefined when none.
 */
function confirmedReadings(
  up: Parents,
  m: PlaceMention,
  i: number,
  strongOf: ReadonlyArray<readonly string[]>,
  context: readonly string[],
  prev: number,
  next: number,
  whole: boolean,
): string[] | undefined {
  let out: string[] | undefined;
  for (const c of m.candidates) {
    const weak = isWeakReading(m, c);
    let ok = false;
    if (whole) {
      for (let j = 0; j < strongOf.length && !ok; j++) ok = j !== i && related(up, c, weak, strongOf[j]!);
      ok ||= related(up, c, weak, context);
    } else {
      ok = (prev >= 0 && related(up, c, weak, strongOf[prev]!)) || (next >= 0 && related(up, c, weak, strongOf[next]!));
    }
    if (ok) (out ??= []).push(c);
  }
  return out;
}

/**
 * Whether one of `codes` confirms reading `c`: for a weak reading, its parent
 * or a direct child; for a strong one, a division enclosing it or within it.
 * The same code never confirms itself.
 */
function related(up: Parents, c: string, weak: boolean, codes: readonly string[]): boolean {
  if (codes.length === 0) return false;
  const chain = up.get(c) ?? NO_CODES;
  for (const d of codes) {
    if (weak) {
      if (chain[0] === d || up.get(d)?.[0] === c) return true;
    } else if (chain.includes(d) || up.get(d)?.includes(c) === true) return true;
  }
  return false;
}

const NO_CODES: readonly string[] = Object.freeze([]);

/** Whether the mention reads `code` only weakly. */
function isWeakReading(m: PlaceMention, code: string): boolean {
  if (!m.senses) return m.weak;
  for (const s of m.senses) if (s.weak && s.code === code) return true;
  return false;
}

/**
 * The mention's strong readings (read-only). A findPlaces mention lists its
 * candidates strong first, in the order of its senses, so when every sense is
 * strong the candidates are the answer and nothing is allocated.
 */
function strongCodes(m: PlaceMention): readonly string[] {
  const senses = m.senses;
  if (!senses) return m.weak ? NO_CODES : m.candidates;
  let aligned = senses.length === m.candidates.length;
  for (let k = 0; k < senses.length && aligned; k++) aligned = !senses[k]!.weak && senses[k]!.code === m.candidates[k];
  if (aligned) return m.candidates;
  return senses.filter((s) => !s.weak).map((s) => s.code);
}

/** One confirmed reading, or the only strong one among several confirmed. */
function pickOne(m: PlaceMention, confirmed: readonly string[]): string | undefined {
  if (confirmed.length === 1) return confirmed[0];
  const strong = strongCodes(m);
  const strongConfirmed = confirmed.filter((c) => strong.includes(c));
  return strongConfirmed.length === 1 ? strongConfirmed[0] : undefined;
}

function withWithin(g: Gazetteer, m: PlaceMention, codes: readonly string[]): ResolvedMention {
  const within = codes.length > 0 ? commonAncestor(g, codes) : undefined;
  return reading(m, undefined, undefined, within);
}

/** The keys of a findPlaces mention, in the order findPlaces writes them. */
const MENTION_KEYS = ['text', 'start', 'end', 'candidates', 'weak', 'senses'];

/** True when `m` has exactly a findPlaces mention's keys, in order (senses optional). */
function plainMention(m: PlaceMention): boolean {
  let n = 0;
  for (const k in m) {
    if (k !== MENTION_KEYS[n]) return false;
    n++;
  }
  return n >= MENTION_KEYS.length - 1;
}

/**
 * `{ ...m, code, resolvedBy, within }` (keys left out when undefined). In V8,
 * adding keys to a spread copy makes a new hidden class every time (microseconds
 * per object), so mentions of the usual shape are written out key by key,
 * which gives the same object.
 */
function reading(m: PlaceMention, code?: string, resolvedBy?: ResolvedMention['resolvedBy'], within?: string): ResolvedMention {
  if (!plainMention(m)) {
    if (code !== undefined) return { ...m, code, resolvedBy: resolvedBy!, within: within! };
    return within !== undefined ? { ...m, within } : { ...m };
  }
  const { text, start, end, candidates, weak } = m;
  if ('senses' in m) {
    const senses = m.senses;
    if (code !== undefined) return { text, start, end, candidates, weak, senses, code, resolvedBy, within } as ResolvedMention;
    return within !== undefined ? ({ text, start, end, candidates, weak, senses, within } as ResolvedMention) : ({ text, start, end, candidates, weak, senses } as ResolvedMention);
  }
  if (code !== undefined) return { text, start, end, candidates, weak, code, resolvedBy, within } as ResolvedMention;
  return within !== undefined ? { text, start, end, candidates, weak, within } : { text, start, end, candidates, weak };
}
