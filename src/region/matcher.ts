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
import { commonAncestor, isAncestor, type Gazetteer, type Sense } from './gazetteer.js';

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
}

const matchers = new WeakMap<Gazetteer, Matcher>();

/** The trie for a gazetteer, built on first use and cached. */
export function compileMatcher(g: Gazetteer): Matcher {
  let m = matchers.get(g);
  if (m) return m;

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
      ...(guardNext ? { guardNext } : {}),
    });
  }
  for (const text of stops) {
    entries.push({ text, stop: true, candidates: [], senses: [], weak: true, official: false });
  }

  // Built with maps first, then laid out flat.
  const root = new Int32Array(0x10000);
  const kids: Array<Map<number, number> | undefined> = [undefined];
  const terms: number[] = [-1];
  const newNode = (): number => {
    kids.push(undefined);
    terms.push(-1);
    return terms.length - 1;
  };
  let maxDepth = 0;
  entries.forEach((e, idx) => {
    if (e.text.length === 0) return;
    maxDepth = Math.max(maxDepth, e.text.length);
    const c0 = e.text.charCodeAt(0);
    let node = root[c0]!;
    if (node === 0) {
      node = newNode();
      root[c0] = node;
    }
    for (let k = 1; k < e.text.length; k++) {
      const c = e.text.charCodeAt(k);
      let map = kids[node];
      if (!map) {
        map = new Map();
        kids[node] = map;
      }
      let next = map.get(c);
      if (next === undefined) {
        next = newNode();
        map.set(c, next);
      }
      node = next;
    }
    terms[node] = idx;
  });

  const nodes = terms.length;
  const firstChild = new Int32Array(nodes + 1);
  let edges = 0;
  for (let n = 0; n < nodes; n++) {
    firstChild[n] = edges;
    edges += kids[n]?.size ?? 0;
  }
  firstChild[nodes] = edges;
  const childChar = new Uint16Array(edges);
  const childNode = new Int32Array(edges);
  for (let n = 0; n < nodes; n++) {
    const map = kids[n];
    if (!map) continue;
    let k = firstChild[n]!;
    for (const [c, next] of [...map].sort((x, y) => x[0] - y[0])) {
      childChar[k] = c;
      childNode[k] = next;
      k++;
    }
  }

  const streets = new Map<number, string[]>();
  for (const s of g.streetSuffixes) {
    if (!s) continue;
    const c = s.charCodeAt(0);
    streets.set(c, [...(streets.get(c) ?? []), s]);
  }

  m = { root, firstChild, childChar, childNode, term: Int32Array.from(terms), entries, streets, maxDepth };
  matchers.set(g, m);
  return m;
}

/** The child of `node` along code unit `c`, or 0. */
function child(m: Matcher, node: number, c: number): number {
  const { childChar, childNode } = m;
  let lo = m.firstChild[node]!;
  let hi = m.firstChild[node + 1]!;
  // Most nodes have a child or two: scan those; bisect the wide ones.
  while (hi - lo > 8) {
    const mid = (lo + hi) >>> 1;
    if (childChar[mid]! < c) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < hi; lo++) {
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
  const { root, term, entries, streets } = m;
  if (walkEnds.length < m.maxDepth + 1) {
    walkEnds = new Int32Array(m.maxDepth + 1);
    walkHits = new Int32Array(m.maxDepth + 1);
  }
  const ends = walkEnds;
  const hits = walkHits;
  const n = text.length;
  let found = 0;
  let i = 0;
  while (i < n) {
    let node = root[text.charCodeAt(i)]!;
    if (node === 0) {
      i++;
      continue;
    }
    let count = 0;
    let j = i + 1;
    for (;;) {
      const t = term[node]!;
      if (t >= 0) {
        ends[count] = j;
        hits[count] = t;
        count++;
      }
      if (j >= n) break;
      const next = child(m, node, text.charCodeAt(j));
      if (next === 0) break;
      node = next;
      j++;
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
  }
  return found;
}

/**
 * Place names in `text`, left to right, without overlaps. `offset` is added to
 * every start/end so a caller can pass a sentence and get file offsets back.
 */
export function findPlaces(g: Gazetteer, text: string, offset = 0): PlaceMention[] {
  const m = compileMatcher(g);
  const count = scan(m, text);
  const out: PlaceMention[] = new Array(count);
  for (let k = 0; k < count; k++) {
    const e = m.entries[hitBuf[3 * k]!]!;
    out[k] = {
      text: e.text,
      start: offset + hitBuf[3 * k + 1]!,
      end: offset + hitBuf[3 * k + 2]!,
      candidates: [...e.candidates],
      weak: e.weak,
      senses: e.senses,
    };
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
 */
export function resolveMentions(g: Gazetteer, mentions: readonly PlaceMention[]): ResolvedMention[] {
  const strongOf = mentions.map((m) => (m.weak ? [] : strongCodes(m)));

  // How many mentions name each code, something strictly below it, or a direct child of it.
  const same = new Map<string, number>();
  const below = new Map<string, number>();
  const childOf = new Map<string, number>();
  const ancestorsOf = new Map<string, string[]>();
  const ancestorCodes = (c: string): string[] => {
    let a = ancestorsOf.get(c);
    if (!a) {
      a = [];
      for (let p = g.byCode.get(c)?.parent; p !== undefined; p = g.byCode.get(p)?.parent) a.push(p);
      ancestorsOf.set(c, a);
    }
    return a;
  };
  const bump = (map: Map<string, number>, keys: Set<string>): void => {
    for (const k of keys) map.set(k, (map.get(k) ?? 0) + 1);
  };
  const contributions = strongOf.map((codes) => {
    const own = { same: new Set(codes), below: new Set<string>(), childOf: new Set<string>() };
    for (const c of codes) {
      const up = ancestorCodes(c);
      for (const a of up) own.below.add(a);
      if (up[0] !== undefined) own.childOf.add(up[0]);
    }
    bump(same, own.same);
    bump(below, own.below);
    bump(childOf, own.childOf);
    return own;
  });

  const order = mentions.map((_, i) => i).sort((a, b) => mentions[a]!.start - mentions[b]!.start);
  const neighbours = new Map<number, number[]>();
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    const list: number[] = [];
    const prev = order[k - 1];
    const next = order[k + 1];
    if (prev !== undefined && mentions[prev]!.end === mentions[i]!.start) list.push(prev);
    if (next !== undefined && mentions[next]!.start === mentions[i]!.end) list.push(next);
    neighbours.set(i, list);
  }

  return mentions.map((m, i) => {
    const own = contributions[i]!;
    const weakCodes = new Set(m.senses ? m.senses.filter((s) => s.weak).map((s) => s.code) : m.weak ? m.candidates : []);
    const others = (map: Map<string, number>, set: Set<string>, c: string): number =>
      (map.get(c) ?? 0) - (set.has(c) ? 1 : 0);
    // A strong reading is confirmed by any enclosing or enclosed mention; a
    // weak one (和平, 南部) only by its direct parent or a direct child, so
    // 四川…南部 stays "southern", while 沈阳和平 is 沈阳's 和平区.
    const byList = (c: string): boolean => {
      const up = ancestorCodes(c);
      if (weakCodes.has(c)) {
        return (up[0] !== undefined && others(same, own.same, up[0]) > 0) || others(childOf, own.childOf, c) > 0;
      }
      return others(below, own.below, c) > 0 || up.some((a) => others(same, own.same, a) > 0);
    };
    const byNeighbours = (c: string): boolean =>
      neighbours.get(i)!.some((j) =>
        strongOf[j]!.some((d) =>
          weakCodes.has(c)
            ? g.byCode.get(c)?.parent === d || g.byCode.get(d)?.parent === c
            : isAncestor(g, d, c) || isAncestor(g, c, d),
        ),
      );

    for (const confirms of [byNeighbours, byList]) {
      const confirmed = m.candidates.filter(confirms);
      if (confirmed.length === 0) continue;
      const code = pickOne(m, confirmed);
      if (code !== undefined) return { ...m, code, resolvedBy: 'context' as const, within: code };
      if (confirms === byList) return withWithin(g, m, confirmed);
    }

    if (m.weak) return { ...m };
    const strong = strongCodes(m);
    const preferred = g.preferWhenAlone.get(m.text);
    if (preferred !== undefined && strong.includes(preferred)) {
      return { ...m, code: preferred, resolvedBy: 'default' as const, within: preferred };
    }
    if (g.alwaysAmbiguous.has(m.text)) return withWithin(g, m, m.candidates);
    if (strong.length === 1) return { ...m, code: strong[0]!, resolvedBy: 'unique' as const, within: strong[0]! };
    return withWithin(g, m, strong);
  });
}

function strongCodes(m: PlaceMention): string[] {
  if (!m.senses) return m.weak ? [] : [...m.candidates];
  return m.senses.filter((s) => !s.weak).map((s) => s.code);
}

/** One confirmed reading, or the only strong one among several confirmed. */
function pickOne(m: PlaceMention, confirmed: readonly string[]): string | undefined {
  if (confirmed.length === 1) return confirmed[0];
  const strong = new Set(strongCodes(m));
  const strongConfirmed = confirmed.filter((c) => strong.has(c));
  return strongConfirmed.length === 1 ? strongConfirmed[0] : undefined;
}

function withWithin(g: Gazetteer, m: PlaceMention, codes: readonly string[]): ResolvedMention {
  const within = codes.length > 0 ? commonAncestor(g, codes) : undefined;
  return within !== undefined ? { ...m, within } : { ...m };
}
