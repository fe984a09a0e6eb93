// What literal text a registry pattern needs, read from its source, so the
// extractor can settle most patterns with one substring scan per sentence
// (src/text/literal-scanner.ts) instead of running each regex.
//
// Two answers per pattern:
// - exact: the finite list of strings the pattern matches, when it is a plain
//   choice of words (医保|医疗保险, 账户(?:里|内)?的?钱). Then the pattern
//   matches a text exactly when the text contains one of them.
// - needs: lists of strings such that any text the pattern matches contains
//   a string of every list (`单位[^。]{0,40}?滞纳金` needs [单位] and [滞纳金]).
//   A text missing a list cannot match, so the regex need not run.
//
// The analysis only claims what it can prove. It reads the strict syntax of
// `u` patterns and refuses other flags that change what a character matches
// (i, v) and any construct it does not model; refusing means "run the regex".
import { pushAll } from '../arrays.js';
import type { LiteralScanner } from '../text/literal-scanner.js';
import type { GuardedPattern } from './types.js';

export interface PatternLiterals {
  /** Every string the pattern can match; undefined when not a small finite list. */
  readonly exact?: readonly string[];
  /** Lists a matched text has a string of each of; empty when none is known. */
  readonly needs: readonly (readonly string[])[];
}

/** Largest exact list kept (alternatives multiply: (?:a|b)(?:c|d)? is 6 strings). */
const EXACT_CAP = 128;
/** The same when only needed strings are wanted: exact lists then only serve runs of text. */
const RUN_CAP = 256;
/** Longest list of needed strings kept; a long list rules out little. */
const NEED_CAP = 256;
/** Lists of needed strings a node keeps (the most selective). */
const KEEP = 4;
/** Lists of needed strings a guard tests per sentence. */
const TESTED = 3;
/** Class ranges wider than this are not spelled out. */
const CLASS_CAP = 64;
/** Counted repetition spelled out up to this many copies. */
const REPEAT_CAP = 8;

type Strings = readonly string[];
/** Lists that must all be present, a string of each (a conjunction of disjunctions). */
type Needs = readonly Strings[];

/** What one node of the pattern matches, as far as the analysis can tell. */
interface Node {
  readonly exact?: Strings;
  readonly needs: Needs;
}

const NOTHING: Node = { needs: [] };

class Refuse extends Error {}

/**
 * Exact strings and needed strings of a pattern source compiled with
 * `flags`; no answer when refused. `wantExact: false` skips long exact lists
 * (cheaper for patterns used only for their positions).
 */
export function patternLiterals(source: string, flags: string, wantExact = true): PatternLiterals {
  // The same part (能否|可否|是否…) recurs across claims: read each source once.
  const key = `${wantExact ? 'x' : 'n'}/${flags}/${source}`;
  let found = analysed.get(key);
  if (!found) {
    found = analyse(source, flags, wantExact);
    analysed.set(key, found);
  }
  return found;
}

const analysed = new Map<string, PatternLiterals>();

function analyse(source: string, flags: string, wantExact: boolean): PatternLiterals {
  if (!flags.includes('u') || flags.includes('i') || flags.includes('v')) return { needs: [] };
  try {
    const r = new PatternReader(source, wantExact ? EXACT_CAP : RUN_CAP);
    const node = r.disjunction();
    if (!r.done()) return { needs: [] };
    return { ...(node.exact ? { exact: node.exact } : {}), needs: independent(node.needs).slice(0, TESTED) };
  } catch (err) {
    if (err instanceof Refuse) return { needs: [] };
    throw err;
  }
}

/** The same for a compiled regex. */
export function regexLiterals(re: RegExp, wantExact = true): PatternLiterals {
  return patternLiterals(re.source, re.flags, wantExact);
}

export interface GuardOptions {
  /** Whether an exact list is wanted (default true); false for patterns run for their positions anyway. */
  readonly exact?: boolean;
  /**
   * Shortest needed string worth scanning for (default 2). A single
   * character (不, 月) is in most sentences: it rules out little and costs
   * the scanner a mark at every occurrence.
   */
  readonly shortest?: number;
}

/**
 * Registers what the scanner can tell about a pattern: its exact strings,
 * else the strings it needs, else nothing (no lists).
 */
export function guardPattern(re: RegExp, scanner: LiteralScanner, options: GuardOptions = {}): GuardedPattern {
  const lit = regexLiterals(re, options.exact ?? true);
  // A pattern that can match the empty string matches every text: leave it to the regex.
  if (lit.exact && !lit.exact.includes('')) return { re, lists: [scanner.add(lit.exact)], exact: true };
  const shortest = options.shortest ?? 2;
  const needs = lit.needs.filter((n) => n.every((x) => x.length >= shortest));
  return { re, lists: needs.map((n) => scanner.add(n)), exact: false };
}

/** A list that rules something out: no empty string, not too long. */
function useful(f: Strings): boolean {
  return f.length > 0 && f.length <= NEED_CAP && !f.includes('');
}

/**
 * Rough chance that a text contains one of the strings: longer strings and
 * fewer of them rule out more sentences. Only used to choose lists.
 */
function looseness(f: Strings): number {
  let p = 0;
  for (const s of f) p += 0.05 ** s.length;
  return p;
}

/**
 * The most selective useful lists, skipping any a chosen list already
 * implies, plus the one with fewest strings (it keeps unions small).
 */
function choose(lists: readonly Strings[]): Needs {
  if (lists.length < 2) return lists.filter(useful);
  const seen = new Set<string>();
  const all: { list: Strings; loose: number }[] = [];
  for (const list of lists) {
    if (!useful(list)) continue;
    const key = [...list].sort().join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    all.push({ list, loose: looseness(list) });
  }
  all.sort((a, b) => a.loose - b.loose || a.list.length - b.list.length);
  const out: Strings[] = [];
  for (const { list } of all) {
    if (out.length === KEEP) break;
    if (!out.some((chosen) => implies(chosen, list))) out.push(list);
  }
  // Among lists of strings of two or more characters when there are any: a
  // guard drops lists with one-character strings (they rule out little), so a
  // union built on one (…|交满3年 needing only 年) would leave a pattern unguarded.
  const long = all.filter(({ list }) => list.every((x) => x.length >= 2));
  let few: Strings | undefined;
  for (const { list } of long.length ? long : all) if (!few || list.length < few.length) few = list;
  // Kept even when implied: in a union it is the side that stays short.
  if (few && !out.includes(few)) out.push(few);
  return out;
}

/** The lists without those another list implies (nothing is lost: the other is tested). */
function independent(needs: Needs): Needs {
  return needs.filter((b, i) => !needs.some((a, j) => j !== i && implies(a, b) && !(implies(b, a) && j > i)));
}

/** A text with a string of `a` surely has one of `b`: each string of `a` contains one of `b`. */
function implies(a: Strings, b: Strings): boolean {
  return a.every((x) => b.some((y) => x.includes(y)));
}

function dedupe(list: Iterable<string>): string[] {
  return [...new Set(list)];
}

/** Every a followed by every b, or undefined past the cap. */
function product(a: Strings, b: Strings, cap: number): Strings | undefined {
  if (a.length * b.length > cap * 4) return undefined;
  const out = dedupe(a.flatMap((x) => b.map((y) => x + y)));
  return out.length <= cap ? out : undefined;
}

/** The same requirement with fewer strings: a string containing another one of the list adds nothing. */
function minimal(list: Strings): Strings {
  const sorted = [...list].sort((x, y) => x.length - y.length);
  const out: string[] = [];
  for (const s of sorted) if (!out.some((k) => s.includes(k))) out.push(s);
  return out;
}

/** A string of x or of y, as one minimal list (x and y are each minimal). */
function either(x: Strings, y: Strings): Strings {
  const out = x.filter((a) => !y.some((b) => b !== a && a.includes(b)));
  for (const b of y) if (!x.some((a) => b.includes(a))) out.push(b);
  return out;
}

/** Everything a sequence needs, its items' needs and the text of any run of adjacent exact items. */
function sequence(items: readonly Node[], cap: number): Node {
  if (items.length === 1) return items[0]!;
  let exact: Strings | undefined = [''];
  const needs: Strings[] = [];
  for (const item of items) {
    exact = exact && item.exact ? product(exact, item.exact, cap) : undefined;
    pushAll(needs, item.needs);
  }
  // Adjacent exact items are matched as one piece of text: from each item, the
  // longest run that stays within the cap (shorter runs need less).
  for (let from = 0; from < items.length; from++) {
    let run: Strings | undefined = [''];
    let longest: Strings | undefined;
    for (let to = from; to < items.length && run; to++) {
      const e = items[to]!.exact;
      run = e ? product(run, e, NEED_CAP) : undefined;
      if (run && to > from) longest = run;
    }
    if (longest) needs.push(minimal(longest));
  }
  return { exact, needs: choose(needs) };
}

/** One side or another: each list needed takes one list from every side. */
function alternation(alts: readonly Node[], cap: number): Node {
  if (alts.length === 1) return alts[0]!;
  let exact: string[] | undefined = [];
  for (const a of alts) {
    exact = exact && a.exact ? dedupe([...exact, ...a.exact]) : undefined;
    if (exact && exact.length > cap) exact = undefined;
  }
  let needs: Needs = alts[0]!.needs;
  for (let k = 1; k < alts.length && needs.length; k++) {
    const joined: Strings[] = [];
    for (const x of needs) for (const y of alts[k]!.needs) if (x.length + y.length <= 2 * NEED_CAP) joined.push(either(x, y));
    needs = choose(joined);
  }
  return { exact, needs };
}

function repeat(atom: Node, min: number, max: number, cap: number): Node {
  let exact: Strings | undefined;
  if (atom.exact && max <= REPEAT_CAP) {
    // Union of atom^k for k in min..max.
    let power: Strings | undefined = [''];
    const all: string[] = [];
    for (let k = 0; k <= max && power; k++) {
      if (k >= min) pushAll(all, power);
      if (k < max) power = product(power, atom.exact, cap);
    }
    exact = power && all.length <= cap * 4 ? dedupe(all) : undefined;
    if (exact && exact.length > cap) exact = undefined;
  }
  return { exact, needs: min > 0 ? atom.needs : [] };
}

const SYNTAX = '^$\\.*+?()[]{}|/';

class PatternReader {
  private i = 0;
  constructor(
    private readonly s: string,
    /** Largest exact list kept. */
    private readonly cap: number,
  ) {}

  done(): boolean {
    return this.i === this.s.length;
  }

  private peek(k = 0): string | undefined {
    return this.s[this.i + k];
  }

  private eat(ch: string): boolean {
    if (this.s[this.i] !== ch) return false;
    this.i++;
    return true;
  }

  disjunction(): Node {
    const alts = [this.alternative()];
    while (this.eat('|')) alts.push(this.alternative());
    return alternation(alts, this.cap);
  }

  private alternative(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.peek() !== '|' && this.peek() !== ')') {
      const item = this.term();
      const last = items[items.length - 1];
      // Plain text (滞纳金) is one item: its own string is needed, which any piece of it only weakens.
      if (last && isText(last) && isText(item)) items[items.length - 1] = text(last.exact![0]! + item.exact![0]!);
      else items.push(item);
    }
    return sequence(items, this.cap);
  }

  private term(): Node {
    const ch = this.peek()!;
    // Assertions match no text; they make the pattern depend on its surroundings, so nothing is exact.
    if (ch === '^' || ch === '$') {
      this.i++;
      return NOTHING;
    }
    if (ch === '\\' && (this.peek(1) === 'b' || this.peek(1) === 'B')) {
      this.i += 2;
      return NOTHING;
    }
    if (ch === '(' && this.peek(1) === '?') {
      const look = this.s.slice(this.i + 2, this.i + 4);
      const positive = look[0] === '=' || look === '<=';
      if (positive || look[0] === '!' || look === '<!') {
        this.i += look[0] === '=' || look[0] === '!' ? 3 : 4;
        const inner = this.disjunction();
        if (!this.eat(')')) throw new Refuse();
        // A positive lookaround's text is in the same sentence, so its factors are the sentence's.
        return positive ? { needs: inner.needs } : NOTHING;
      }
    }
    const atom = this.atom();
    return this.quantified(atom);
  }

  private quantified(atom: Node): Node {
    const ch = this.peek();
    let min: number, max: number;
    if (ch === '*') [min, max] = [0, Infinity];
    else if (ch === '+') [min, max] = [1, Infinity];
    else if (ch === '?') [min, max] = [0, 1];
    else if (ch === '{') {
      const m = /^\{(\d+)(?:(,)(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) throw new Refuse();
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : Infinity;
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    this.eat('?'); // lazy: same strings
    return repeat(atom, min, max, this.cap);
  }

  private atom(): Node {
    const ch = this.peek()!;
    if (ch === '.') {
      this.i++;
      return NOTHING;
    }
    if (ch === '(') {
      this.i++;
      if (this.eat('?')) {
        if (this.eat(':')) {
          // non-capturing group
        } else if (this.eat('<')) {
          const end = this.s.indexOf('>', this.i);
          if (end < 0 || !/^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u.test(this.s.slice(this.i, end))) throw new Refuse();
          this.i = end + 1;
        } else {
          throw new Refuse(); // modifiers or anything newer than this reader
        }
      }
      const inner = this.disjunction();
      if (!this.eat(')')) throw new Refuse();
      return inner;
    }
    if (ch === '[') return chars(this.characterClass());
    if (ch === '\\') return this.escapeAtom();
    if (SYNTAX.includes(ch) && ch !== '/') throw new Refuse();
    const cp = this.s.codePointAt(this.i)!;
    // Astral characters and lone surrogates: not modelled.
    if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new Refuse();
    this.i++;
    return { exact: [ch], needs: [[ch]] };
  }

  private escapeAtom(): Node {
    const next = this.peek(1);
    if (next === undefined) throw new Refuse();
    // Back-references repeat earlier text (or nothing, if the group did not take part).
    if (/[1-9]/.test(next)) {
      this.i += 1;
      while (/[0-9]/.test(this.peek() ?? '')) this.i++;
      return NOTHING;
    }
    if (next === 'k') {
      const end = this.s.indexOf('>', this.i);
      if (this.peek(2) !== '<' || end < 0) throw new Refuse();
      this.i = end + 1;
      return NOTHING;
    }
    return chars(this.escapeSet(false));
  }

  /**
   * Reads an escape at the cursor (on the backslash): the characters it
   * matches, or undefined when they are too many to list (\s, \W, \p{…}).
   */
  private escapeSet(inClass: boolean): string[] | undefined {
    this.i++; // backslash
    const c = this.s[this.i++];
    switch (c) {
      case 'd':
        return [...'0123456789'];
      case 'w':
        return [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'];
      case 'D': case 'W': case 's': case 'S':
        return undefined;
      case 'p': case 'P': {
        if (this.peek() !== '{') throw new Refuse();
        const end = this.s.indexOf('}', this.i);
        if (end < 0) throw new Refuse();
        this.i = end + 1;
        return undefined;
      }
      default:
        return [String.fromCharCode(this.escapedChar(c, inClass))];
    }
  }

  /** The code unit of a character escape whose letter was just read; refuses astral ones. */
  private escapedChar(c: string | undefined, inClass: boolean): number {
    switch (c) {
      case 'n': return 0x0a;
      case 'r': return 0x0d;
      case 't': return 0x09;
      case 'f': return 0x0c;
      case 'v': return 0x0b;
      case 'b':
        if (inClass) return 0x08;
        throw new Refuse();
      case '-':
        if (inClass) return 0x2d;
        throw new Refuse();
      case '0':
        if (/[0-9]/.test(this.peek() ?? '')) throw new Refuse();
        return 0;
      case 'c': {
        const l = this.s[this.i++];
        if (!l || !/[A-Za-z]/.test(l)) throw new Refuse();
        return l.charCodeAt(0) % 32;
      }
      case 'x': {
        const h = this.s.slice(this.i, this.i + 2);
        if (!/^[0-9A-Fa-f]{2}$/.test(h)) throw new Refuse();
        this.i += 2;
        return parseInt(h, 16);
      }
      case 'u': {
        let cp: number;
        if (this.peek() === '{') {
          const end = this.s.indexOf('}', this.i);
          const h = this.s.slice(this.i + 1, end);
          if (end < 0 || !/^[0-9A-Fa-f]+$/.test(h)) throw new Refuse();
          this.i = end + 1;
          cp = parseInt(h, 16);
        } else {
          const h = this.s.slice(this.i, this.i + 4);
          if (!/^[0-9A-Fa-f]{4}$/.test(h)) throw new Refuse();
          this.i += 4;
          cp = parseInt(h, 16);
        }
        // Astral characters and surrogate halves (\uD83D\uDE00 is one character in u mode): not modelled.
        if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new Refuse();
        return cp;
      }
      default:
        if (c !== undefined && SYNTAX.includes(c)) return c.charCodeAt(0);
        throw new Refuse();
    }
  }

  /** The characters of [abc]; undefined for a negated class or one too wide to list. */
  private characterClass(): string[] | undefined {
    this.i++; // [
    const negated = this.eat('^');
    const members: string[] = [];
    let wide = false;
    while (!this.eat(']')) {
      if (this.i >= this.s.length) throw new Refuse();
      const lo = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.i++;
        const hi = this.classAtom();
        if (lo === undefined || hi === undefined || lo.length !== 1 || hi.length !== 1) throw new Refuse();
        const a = lo[0]!.charCodeAt(0), b = hi[0]!.charCodeAt(0);
        if (b < a) throw new Refuse();
        if (b - a >= CLASS_CAP) wide = true;
        else for (let k = a; k <= b; k++) members.push(String.fromCharCode(k));
      } else if (lo === undefined) {
        wide = true;
      } else {
        pushAll(members, lo);
      }
    }
    if (negated || wide) return undefined;
    const out = dedupe(members);
    return out.length <= CLASS_CAP ? out : undefined;
  }

  /** One class member: its characters, or undefined for a set too wide to list. */
  private classAtom(): string[] | undefined {
    const ch = this.peek()!;
    if (ch === '\\') return this.escapeSet(true);
    const cp = this.s.codePointAt(this.i)!;
    if (cp > 0xffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new Refuse();
    this.i++;
    return [ch];
  }
}

/** A node matching exactly one string. */
function isText(n: Node): boolean {
  return n.exact !== undefined && n.exact.length === 1;
}

function text(s: string): Node {
  return { exact: [s], needs: s.length ? [[s]] : [] };
}

/** A node matching one of the characters. */
function chars(list: string[] | undefined): Node {
  return list && list.length > 0 ? { exact: list, needs: [list] } : NOTHING;
}
