import * as crypto from 'node:crypto';
import type { Finding, RelatedLocation, Severity } from '../types.js';
import type { LineIndex } from '../text/position.js';
import type { RelatedSpec, ReportDescriptor } from './report.js';
import { render, type Locale } from '../i18n/catalogue.js';
import type { Message } from '../i18n/message.js';

const EXCERPT_MAX = 240;

/** Everything in a finding except what suppression and sorting decide later. */
export type RawFinding = Omit<Finding, 'fingerprint'> & { readonly fingerprintBase: string };

/** Turns a rule's node-relative report into an absolute finding. */
export function toFinding(
  ruleId: string,
  severity: Severity,
  file: string,
  lines: LineIndex,
  d: ReportDescriptor,
  relatedLines: (file: string) => LineIndex | undefined,
): RawFinding {
  const text = d.node.text;
  const [rs, re] = d.range ?? [0, text.length];
  const start = d.node.span.start + rs;
  const end = d.node.span.start + Math.max(re, rs);
  const s = lines.position(start);
  const e = lines.position(end);
  const messageRef: Message = d.data ? { id: d.messageId, data: d.data } : { id: d.messageId };
  // Built by assignment in the order the fields are listed (the order of the JSON
  // output): optional fields only when set, as the spreads this replaces did.
  const f: Mutable<RawFinding> = {
    ruleId,
    severity,
    file,
    line: s.line,
    column: s.column,
    endLine: e.line,
    endColumn: e.column,
    // English here, so that sorting (which compares messages) is the same in every language.
    message: render('en', messageRef),
    excerpt: excerpt(text),
  } as Mutable<RawFinding>;
  if (d.claimId) f.claimId = d.claimId;
  if (d.expected) f.expected = d.expected;
  if (d.source) f.source = d.source;
  if (d.related) {
    const related = d.related.map((r) => toRelated(r, relatedLines(r.file))).filter((r): r is RelatedLocation => !!r);
    if (related.length) f.related = related;
  }
  // A range inside the sentence: the sentence is its context (SARIF's contextRegion).
  if (rs > 0 || re < text.length) {
    const cs = lines.position(d.node.span.start);
    const ce = lines.position(d.node.span.start + text.length);
    f.context = { line: cs.line, column: cs.column, endLine: ce.line, endColumn: ce.column };
    const h = spanInExcerpt(text, rs, re, f.excerpt);
    if (h) f.highlight = h;
  }
  f.messageRef = messageRef;
  f.fingerprintBase = `${ruleId}\u0000${d.claimId ?? ''}\u0000${normalise(text)}\u0000${normalise(text.slice(rs, re))}`;
  return f;
}

/**
 * Where text[rs, re) lands in the excerpt made of `text` (whitespace runs
 * collapsed, ends trimmed, long text cut): the collapsed prefix's length,
 * checked against the excerpt; undefined when the span was cut off.
 */
export function spanInExcerpt(text: string, rs: number, re: number, ex: string): [number, number] | undefined {
  const piece = text.slice(rs, re).replace(/\s+/g, ' ').trim();
  if (!piece) return undefined;
  const lead = text.slice(0, rs).replace(/\s+/g, ' ').trimStart();
  for (const start of [lead.length, lead.length + 1, lead.length - 1]) {
    if (start >= 0 && ex.startsWith(piece, start)) return [start, start + piece.length];
  }
  const at = ex.indexOf(piece);
  return at >= 0 ? [at, at + piece.length] : undefined;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

function toRelated(r: RelatedSpec, lines: LineIndex | undefined): RelatedLocation | undefined {
  if (!lines) return undefined;
  const { start, end } = lines.range(r.span);
  return {
    file: r.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    excerpt: excerpt(r.excerpt),
    ...(r.message ? { message: render('en', r.message), messageRef: r.message } : {}),
  };
}

/**
 * The findings with their messages in `locale` (they are made in English).
 * Findings without a catalogue message (a cache written by an older version) keep theirs.
 */
export function localizeFindings(findings: readonly Finding[], locale: Locale): readonly Finding[] {
  if (locale === 'en') return findings;
  return findings.map((f) => {
    const related = f.related?.map((r) => (r.messageRef ? { ...r, message: render(locale, r.messageRef) } : r));
    return {
      ...f,
      ...(f.messageRef ? { message: render(locale, f.messageRef) } : {}),
      ...(related ? { related } : {}),
    };
  });
}

/** Any whitespace: what the excerpt's collapsing and String.prototype.trim act on. */
const HAS_SPACE = /\s/;

/** Findings often share a node (several rules, one sentence): the last excerpt is reused. */
let lastExcerptIn: string | undefined;
let lastExcerptOut = '';

export function excerpt(text: string): string {
  if (text === lastExcerptIn) return lastExcerptOut;
  // Sentences rarely hold whitespace; without any, collapsing and trimming change nothing.
  const flat = HAS_SPACE.test(text) ? text.replace(/\s+/g, ' ').trim() : text;
  lastExcerptIn = text;
  lastExcerptOut = flat.length > EXCERPT_MAX ? `${flat.slice(0, EXCERPT_MAX - 1)}…` : flat;
  return lastExcerptOut;
}

/** What normalise removes; kept for text with surrogate pairs (an astral character may be punctuation). */
const NOT_IN_FINGERPRINT = /[\s\p{P}]+/gu;
const NOT_IN_FINGERPRINT_CHAR = /^[\s\p{P}]$/u;
/** Per UTF-16 unit: 0 not yet known, 1 removed by normalise, 2 kept. Filled as characters are met. */
const fingerprintClass = new Uint8Array(65536);

function dropped(c: number): boolean {
  let v = fingerprintClass[c]!;
  if (v === 0) {
    v = NOT_IN_FINGERPRINT_CHAR.test(String.fromCharCode(c)) ? 1 : 2;
    fingerprintClass[c] = v;
  }
  return v === 1;
}

let lastNormaliseIn: string | undefined;
let lastNormaliseOut = '';

/**
 * Whitespace and punctuation-insensitive form, so a fingerprint survives reflowing.
 * Same as s.replace(NOT_IN_FINGERPRINT, ''), with a per-character table instead
 * of a Unicode-property regex, and the last result reused (a finding normalises
 * its sentence and its range, which are often the same string).
 */
function normalise(s: string): string {
  if (s === lastNormaliseIn) return lastNormaliseOut;
  let out = '';
  let from = 0;
  let i = 0;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      out = s.replace(NOT_IN_FINGERPRINT, '');
      from = -1;
      break;
    }
    if (dropped(c)) {
      if (i > from) out += s.slice(from, i);
      from = i + 1;
    }
  }
  if (from === 0) out = s;
  else if (from > 0 && from < s.length) out += s.slice(from);
  lastNormaliseIn = s;
  lastNormaliseOut = out;
  return out;
}

const BACKSLASHES = /\\/g;
const LEADING_DOT_SLASH = /^(?:\.\/)+/;

/**
 * A finding's fingerprint from its file and its content fingerprint (the
 * fingerprint earlier claimlint versions wrote, without the path). The path is in it so
 * that the same sentence in two articles, or an input problem in two files,
 * are two issues to GitLab and code scanning, not one; and it is a hash of the
 * old value so that a baseline written before can be converted entry by entry
 * (each entry carries its file).
 */
export function fingerprintWithPath(file: string, contentFingerprint: string): string {
  const path = file.replace(BACKSLASHES, '/').replace(LEADING_DOT_SLASH, '');
  return sha256Hex(`${path}\u0000${contentFingerprint}`).slice(0, 32);
}

/**
 * Sorts findings (file, line, column, rule, message) and gives each a stable
 * fingerprint: a hash of the file path and of rule, claim and normalised
 * sentence, plus an occurrence number when the same sentence repeats in a file.
 */
export function finalise(raw: readonly RawFinding[], owned = false): Finding[] {
  // `owned`: the caller hands the array over: it is sorted in place and each
  // raw finding is let go as its finished copy is made.
  const sorted = (owned ? (raw as RawFinding[]) : raw.slice()).sort(
    (a, b) =>
      cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId) ||
      a.endLine - b.endLine || a.endColumn - b.endColumn || cmp(a.message, b.message),
  );
  // Sorted by file first, so occurrences are counted per file with one map at a time.
  let occurrences = new Map<string, number>();
  let file: string | undefined;
  const out: Finding[] = new Array(sorted.length);
  for (let i = 0; i < sorted.length; i++) {
    const r = sorted[i]!;
    if (r.file !== file) {
      file = r.file;
      occurrences = new Map();
    }
    const base = r.fingerprintBase;
    const n = (occurrences.get(base) ?? 0) + 1;
    occurrences.set(base, n);
    // Every field but the internal one, in their order, then the fingerprint (as a spread would).
    const f: Record<string, unknown> = {};
    for (const k in r) if (k !== 'fingerprintBase') f[k] = r[k as keyof RawFinding];
    f.fingerprint = fingerprintWithPath(r.file, sha256Hex(`${base}\u0000${n}`).slice(0, 32));
    out[i] = f as unknown as Finding;
    if (owned) (sorted as Array<RawFinding | undefined>)[i] = undefined;
  }
  if (owned) sorted.length = 0;
  return out;
}

/** One-shot crypto.hash where Node has it (20.12+): no Hash object per finding. */
const sha256Hex: (data: string) => string =
  typeof (crypto as { hash?: unknown }).hash === 'function'
    ? (data) => (crypto as unknown as { hash(alg: string, data: string, enc: string): string }).hash('sha256', data, 'hex')
    : (data) => crypto.createHash('sha256').update(data).digest('hex');

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
