import type { ClaimRecord, Framing, Quantity, TextSpan } from '../types.js';
import type { CompiledClaim, CompiledValue, QuantityTest, Registry } from '../registry/types.js';
import type { Cues } from './cues.js';
import { findQuantities } from './quantity.js';

/** Text around a sentence that can make it about a claim's subject. */
export interface SentenceSurroundings {
  /** The nearest heading (or heading-like line) above the sentence. */
  readonly heading?: string | undefined;
  /** The title of the sentence's unit. */
  readonly unitTitle?: string | undefined;
}

export interface RecordBase {
  readonly file: string;
  readonly unitIndex: number;
  readonly region?: string;
}

interface PhraseHit {
  readonly value: CompiledValue;
  readonly start: number;
  readonly end: number;
}

const YEAR = /((?:19|20)\d{2})\s*年/u;

/**
 * Reads what one sentence asserts about each registry claim. Returns one
 * record per (claim, value); a sentence can carry several.
 */
export function extractClaims(
  registry: Registry,
  cues: Cues,
  sentence: TextSpan,
  around: SentenceSurroundings,
  base: RecordBase,
): ClaimRecord[] {
  const text = sentence.text;
  const records: ClaimRecord[] = [];
  let quantities: Quantity[] | undefined;
  let framing: Framing | undefined;
  // One pass that rules out sentences no claim could be about.
  if (registry.gate && !registry.gate.test(text)) return records;
  for (const compiled of registry.claims) {
    if (!isAbout(compiled, text, around)) continue;
    const hits = phraseHits(compiled, text);
    if (hits.length === 0) continue;
    const seenValues = new Set<string>();
    framing ??= framingOf(cues, text);
    const debunked = framing === 'rumour' && cues.debunk.test(text);
    for (const hit of hits) {
      const value = readValue(compiled, cues, text, hit);
      if (!value || seenValues.has(value.name)) continue;
      // "网上流传余额会清零，这是谣言": the sentence denies the rumour, so it asserts nothing wrong.
      if (debunked && value.verdict === 'contradicts') continue;
      seenValues.add(value.name);
      quantities ??= findQuantities(text, sentence.span.start);
      const year = YEAR.exec(text);
      records.push({
        file: base.file,
        claimId: compiled.claim.id,
        topic: compiled.claim.topic,
        value: value.name,
        polarity: value === hit.value ? 'affirmed' : 'negated',
        cue: {
          text: text.slice(hit.start, hit.end),
          span: { start: sentence.span.start + hit.start, end: sentence.span.start + hit.end },
        },
        quantities,
        hedges: hedgesIn(cues, text),
        framing,
        ...(base.region ? { region: base.region } : {}),
        ...(year ? { year: Number(year[1]) } : {}),
        sentence,
        unitIndex: base.unitIndex,
      });
    }
  }
  return records;
}

function isAbout(c: CompiledClaim, text: string, around: SentenceSurroundings): boolean {
  // Cheapest and most selective first: most sentences fail the `all` patterns.
  for (const re of c.all) if (!re.test(text)) return false;
  if (c.any && !c.any.test(text)) {
    if (!(around.heading && c.any.test(around.heading)) && !(around.unitTitle && c.any.test(around.unitTitle))) return false;
  }
  return !c.none?.test(text);
}

/** Every phrase of every value, overlaps resolved: earliest first, then longest. */
function phraseHits(c: CompiledClaim, text: string): PhraseHit[] {
  const all: PhraseHit[] = [];
  for (const value of c.values) {
    // exec with lastIndex, not matchAll: matchAll copies the regex on every call.
    const re = value.phrases;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      // A quantity test failing here lets another value's phrase claim the same text.
      if (value.when && !quantityPasses(value.when, findQuantities(m[0]))) continue;
      all.push({ value, start: m.index, end: m.index + m[0].length });
    }
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: PhraseHit[] = [];
  for (const h of all) {
    const last = kept[kept.length - 1];
    if (last && h.start < last.end) continue;
    kept.push(h);
  }
  return kept;
}

/** The value a hit asserts once negation and uncertainty are applied. */
function readValue(c: CompiledClaim, cues: Cues, text: string, hit: PhraseHit): CompiledValue | undefined {
  const before = clauseBefore(text, hit.start);
  // 能否提取 / 是否还能使用: an either-or question asserts neither value.
  if (cues.uncertainBefore.test(before) || cues.eitherOr.test(before)) return undefined;
  if (cues.eitherOrClause.test(clauseAround(text, hit.start, hit.end))) return undefined;
  if (cues.negatedBefore.test(before)) {
    return hit.value.negation ? c.valueByName.get(hit.value.negation) : undefined;
  }
  return hit.value;
}

function clauseBefore(text: string, at: number): string {
  const head = text.slice(Math.max(0, at - 24), at);
  let cut = 0;
  for (let i = head.length - 1; i >= 0; i--) {
    if (isClauseEnd(head.charCodeAt(i))) {
      cut = i + 1;
      break;
    }
  }
  return head.slice(cut);
}

function clauseAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !isClauseEnd(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && !isClauseEnd(text.charCodeAt(to))) to++;
  return text.slice(from, to);
}

const CLAUSE_END_CODES = new Set([...'，,。；;：:！!？?、\n'].map((c) => c.charCodeAt(0)));
function isClauseEnd(code: number): boolean {
  return CLAUSE_END_CODES.has(code);
}

export function quantityPasses(test: QuantityTest, quantities: readonly Quantity[]): boolean {
  return quantities.some((q) => {
    if (q.kind !== test.kind) return false;
    if (test.unit !== undefined && q.unit !== test.unit) return false;
    const hi = q.max ?? q.value;
    if (test.eq !== undefined && !(q.value === test.eq && hi === test.eq)) return false;
    if (test.gt !== undefined && !(hi > test.gt)) return false;
    if (test.gte !== undefined && !(hi >= test.gte)) return false;
    if (test.lt !== undefined && !(q.value < test.lt)) return false;
    if (test.lte !== undefined && !(q.value <= test.lte)) return false;
    return true;
  });
}

function framingOf(cues: Cues, text: string): Framing {
  if (cues.rumour.test(text)) return 'rumour';
  if (cues.question.test(text)) return 'question';
  return 'plain';
}

function hedgesIn(cues: Cues, text: string): string[] {
  const re = cues.hedges;
  re.lastIndex = 0;
  const found: string[] = [];
  for (let m = re.exec(text); m; m = re.exec(text)) if (!found.includes(m[0])) found.push(m[0]);
  return found;
}
