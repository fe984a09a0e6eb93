// How one value phrase in a sentence is read: its clause, its polarity
// (negation through verbs and adverbs, back to a scope breaker), whether the
// clause asks rather than states, the conditions and times it stands under,
// and which subject it is about. Every word list is data (data/cues.yaml).
import type { ClaimCondition } from '../types.js';
import type { CompiledClaim } from '../registry/types.js';
import type { Cues } from './cues.js';
import { clauseAt, splitClauses, type Clause } from './clauses.js';
import { globalOf, testOnce } from '../text/regex.js';
import { echoReply, replyOf } from './answers.js';
import { judgingStarts } from './judging.js';

/** What is read once per sentence, the first time a claim has a phrase hit in it. */
export interface SentenceView {
  readonly text: string;
  readonly clauses: readonly Clause[];
  /** Per clause: it asks rather than states. */
  readonly asks: readonly boolean[];
  /** The sentence's last clause asks (…，这是真的吗？): the whole sentence is a question. */
  readonly endsAsking: boolean;
  /**
   * Per clause: it asks whether (能否提取, 会清零吗) — a yes/no question,
   * which presupposes neither value — not what, why or how (为什么会清零,
   * 怎么取现), which take one for granted.
   */
  readonly asksWhether: readonly boolean[];
  /**
   * Per clause: it is part of a rhetorical question (难道…不能取现吗？ / 谁说…能取现？), which
   * asserts the opposite of what it asks: it does not ask, and its values are read flipped.
   */
  readonly rhetorical: readonly boolean[];
  /**
   * Per clause: where an either-or form that concedes (不管备没备案，/ 交不交都…) ends its
   * part of the clause, or -1. Phrases before it assert nothing; the clause does not ask.
   */
  readonly concedes: readonly number[];
  /** Offset of the first rumour cue, or -1. */
  readonly rumourAt: number;
  /** A debunk cue after the rumour cue (网上说…，这是谣言). */
  readonly refuted: boolean;
  /** An endorsement after the rumour cue (网上说…，确实如此). */
  readonly endorsed: boolean;
  /** Offset of the first correction word after the rumour cue (网上说…，其实…), or -1. */
  readonly correctionAt: number;
  /** The sentence describes misconduct (与违规药店勾结…兑换成现金): it reports, it does not permit. */
  readonly describesMisconduct: boolean;
  readonly hedges: readonly string[];
  /** The header row of the table the sentence is a row of, if any. */
  readonly tableHeader?: string | undefined;
}

export function viewSentence(cues: Cues, text: string, headingLike: boolean, tableHeader?: string): SentenceView {
  const clauses = splitClauses(text, cues.clauseConjunction, cues.notClauseConjunction);
  const concedes = clauses.map((c, i) => concessiveEnd(cues, text, c, clauses[i + 1]));
  const rhetorical = rhetoricalClauses(cues, text, clauses);
  const asks = clauses.map((c, i) => !rhetorical[i] && clauseAsks(cues, text, c, headingLike, concedes[i]! >= 0));
  const last = clauses.length - 1;
  const endsAsking = last >= 0 && asks[last]!;
  const asksWhether = clauses.map((c, i) => asks[i]! && clauseAsksWhether(cues, text, c));
  const rumour = cues.rumour.exec(text);
  const rumourAt = rumour ? rumour.index : -1;
  const after = rumour ? text.slice(rumour.index + rumour[0].length) : '';
  let correctionAt = -1;
  if (rumour && cues.correction) {
    const re = cues.correction;
    re.lastIndex = rumour.index + rumour[0].length;
    const m = re.exec(text);
    if (m) correctionAt = m.index + m[0].length;
    re.lastIndex = 0;
  }
  const hedges: string[] = [];
  const re = cues.hedges;
  re.lastIndex = 0;
  // 我们这儿就是这么执行的 confirms a report: a hedge word inside an endorsement hedges nothing.
  let endorsements: { start: number; end: number }[] | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (hedges.includes(m[0])) continue;
    endorsements ??= spansOf(cues.endorseAll, text);
    const at = m.index;
    if (endorsements.some((e) => e.start <= at && at < e.end)) continue;
    hedges.push(m[0]);
  }
  re.lastIndex = 0;
  return {
    text,
    clauses,
    asks,
    endsAsking,
    asksWhether,
    rhetorical,
    concedes,
    rumourAt,
    ...(rumour ? reportStance(cues, rumour[0], after) : { refuted: false, endorsed: false }),
    correctionAt,
    describesMisconduct: cues.misconduct.test(text),
    hedges,
    ...(tableHeader !== undefined ? { tableHeader } : {}),
  };
}

/**
 * How a text after a report (网上说…，) or the sentence after it replies to
 * it: refuted (这是谣言, 不对), endorsed (确实如此, 这话没毛病, 我同事就遇到过,
 * 窗口也这么说, 这不是谣言), both or neither. An endorsement hides the debunk
 * words inside it (不是谣言), and a correction word that only leads into an
 * endorsement (实际上也确实是这样) corrects nothing. An endorse word negated
 * (不靠谱, 不是真的) or followed by a negator (确实不会) endorses nothing.
 */
export function stanceOf(cues: Cues, text: string, truncated = false): { refuted: boolean; endorsed: boolean } {
  const re = cues.endorseAll;
  let masked = text;
  let endorsed = false;
  let lastEndorsement = -1;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const end = m.index + m[0].length;
    if (cues.negatorChar.test(text.slice(Math.max(0, m.index - 1), m.index)) || cues.endorseDenied.test(text.slice(end, end + 4))) continue;
    endorsed = true;
    lastEndorsement = m.index;
    masked = masked.slice(0, m.index) + MASK.repeat(m[0].length) + masked.slice(end);
  }
  re.lastIndex = 0;
  // A judging clause (这个说法根本站不住 / 此言差矣) refutes as a debunk word does (judging.ts).
  const judged = judgingStarts(cues, text, truncated);
  if (!endorsed) return { refuted: cues.debunk.test(text) || judged.length > 0, endorsed: false };
  if (cues.correction) {
    const c = cues.correction;
    c.lastIndex = 0;
    for (let m = c.exec(masked); m; m = c.exec(masked)) {
      const end = m.index + m[0].length;
      const rest = masked.slice(end).split(CLAUSE_STOP)[0] ?? '';
      // 其实也确实如此: nothing but fillers and the endorsement after the correction word.
      if (rest.includes(MASK) && rest.replace(cues.endorseFiller, '').replace(/\u0000/gu, '') === '') {
        masked = masked.slice(0, m.index) + MASK.repeat(m[0].length) + masked.slice(end);
      }
    }
    c.lastIndex = 0;
  }
  // Both: the later one is the writer's last word (原以为是谣言，结果是真的 / 确实有人这么说，但这是谣言).
  const lastDebunk = Math.max(lastMatchAt(cues.debunk, masked), judged.length ? judged[judged.length - 1]! : -1);
  if (lastDebunk < 0) return { refuted: false, endorsed };
  return lastDebunk > lastEndorsement ? { refuted: true, endorsed: false } : { refuted: false, endorsed };
}

/** The stance on a report: a cue that calls it false itself (很多人误以为…) refutes it unless an endorsement follows. */
function reportStance(cues: Cues, cue: string, after: string): { refuted: boolean; endorsed: boolean } {
  const stance = stanceOf(cues, after);
  if (!stance.endorsed && cues.selfRefutingReport?.test(cue)) return { refuted: true, endorsed: false };
  return stance;
}

/** The spans of every match of a global regex in the text. */
function spansOf(re: RegExp, text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else out.push({ start: m.index, end: m.index + m[0].length });
  }
  re.lastIndex = 0;
  return out;
}

/** Where the last match of a (non-global) regex in the text starts, or -1. */
function lastMatchAt(re: RegExp, text: string): number {
  let at = -1;
  for (let from = 0; from < text.length; ) {
    const m = re.exec(text.slice(from));
    if (!m) break;
    at = from + m.index;
    from = at + Math.max(1, m[0].length);
  }
  return at;
}
const CLAUSE_STOP = /[，,。；;！!？?]/u;

const ASKED_AFTER = /^\s*[？?]/u;

/**
 * The clauses of rhetorical questions: from a clause opening with 难道 / 谁说
 * (`rhetoricalAskPatterns`) to the question's end (？, or 吗/呢 closing a clause). Without
 * such an end the opener asks nothing rhetorical (谁说了算) and no clause is marked.
 */
function rhetoricalClauses(cues: Cues, text: string, clauses: readonly Clause[]): boolean[] {
  const out = clauses.map(() => false);
  if (!cues.rhetoricalAsk) return out;
  for (let i = 0; i < clauses.length; i++) {
    if (!cues.rhetoricalAsk.test(text.slice(clauses[i]!.start, clauses[i]!.end))) continue;
    for (let j = i; j < clauses.length; j++) {
      const c = clauses[j]!;
      if (!ASKED_AFTER.test(text.slice(c.end, c.end + 2)) && !RHETORICAL_END.test(text.slice(c.start, c.end))) continue;
      for (let k = i; k <= j; k++) out[k] = true;
      i = j;
      break;
    }
  }
  return out;
}
const RHETORICAL_END = /[吗么呢]\s*$/u;

function clauseAsks(cues: Cues, text: string, c: Clause, headingLike: boolean, concedes = false): boolean {
  const body = text.slice(c.start, c.end);
  // 谁说不是呢 / 这还有假？: a rhetorical question that endorses asks nothing.
  if (cues.rhetorical?.test(body)) return false;
  const markedByQuestionMark = ASKED_AFTER.test(text.slice(c.end, c.end + 2));
  if (particleAsks(cues, text, c, body)) return true;
  if (!concedes && (cues.eitherOr.test(body) || cues.eitherOrClause.test(body))) return true;
  // 怎么/如何/多少…: a question when it ends with ？ or stands alone as a title or list line.
  if ((markedByQuestionMark || headingLike) && cues.questionWord.test(body)) return true;
  return markedByQuestionMark;
}

/**
 * Where the conceding part of a clause ends (备不备案都得…: at 都; 不管备没备案，: at the
 * clause end), or -1 when its either-or form asks. An either-or form concedes after
 * 不管/无论 in its clause, or when 都/也 follows it in its clause or opens the next one.
 */
function concessiveEnd(cues: Cues, text: string, c: Clause, next: Clause | undefined): number {
  if (!cues.concessiveAfter && !cues.concessiveBefore) return -1;
  const re = cues.eitherOrAll;
  re.lastIndex = c.start;
  let found = -1;
  for (let m = re.exec(text); m && m.index < c.end; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const end = m.index + m[0].length;
    if (cues.concessiveBefore?.test(text.slice(c.start, m.index))) {
      found = Math.max(end, afterConcession(cues, text, end, c.end) ?? c.end);
      break;
    }
    const after = afterConcession(cues, text, end, c.end);
    if (after !== undefined) {
      found = after;
      break;
    }
    if (end >= c.end && next && cues.concessiveAfter?.test(text.slice(next.start, next.end))) {
      found = c.end;
      break;
    }
  }
  re.lastIndex = 0;
  return found;
}

/** Where 都/也 after an either-or form ends its conceding part, within the clause. */
function afterConcession(cues: Cues, text: string, from: number, to: number): number | undefined {
  const m = cues.concessiveAfter?.exec(text.slice(from, to));
  return m ? from + m[0].length : undefined;
}

function clauseAsksWhether(cues: Cues, text: string, c: Clause): boolean {
  const body = text.slice(c.start, c.end);
  if (cues.questionWord.test(body)) return false;
  return particleAsks(cues, text, c, body) || cues.eitherOr.test(body) || cues.eitherOrClause.test(body);
}

/**
 * Whether a question particle makes the clause a question. A 呢 closing a clause that ends the
 * sentence with no question mark after it and holds no question word states (占工资8%呢。 /
 * 还得接着交医保呢，一年好几千): it stresses, it does not ask (那居民医保呢？ and 怎么办呢。 still ask).
 */
function particleAsks(cues: Cues, text: string, c: Clause, body: string): boolean {
  if (!cues.questionParticle.test(body)) return false;
  const rest = text.slice(c.end);
  if (STRESS_NE.test(body) && STATEMENT_END.test(rest) && !ASKED_LATER.test(rest) && !cues.questionWord.test(body)) {
    return cues.questionParticle.test(body.replace(STRESS_NE, ''));
  }
  return true;
}
const STRESS_NE = /呢\s*$/u;
const STATEMENT_END = /^[。！!，,；;]/u;
/** A question mark later in the sentence: 那居民医保呢，怎么交？ asks. */
const ASKED_LATER = /[？?]/u;

/**
 * The question at a phrase asks whether, so it asserts no value: its own
 * clause asks whether, or it states and the sentence's last clause asks
 * whether that is so (余额会清零，是真的吗？).
 */
export function asksOnlyWhether(view: SentenceView, clauseIndex: number): boolean {
  if (view.asks[clauseIndex]) return view.asksWhether[clauseIndex]!;
  const last = view.clauses.length - 1;
  return view.endsAsking && view.asksWhether[last]!;
}

export type Polarity = 'affirmed' | 'negated' | 'uncertain';

/**
 * The polarity of the phrase at [start, end) in its clause: the parity of the
 * negators before it, from the last scope breaker on, with words that only
 * look negative (不超过, 不管, 不得不) and the claim's own trigger words
 * (不交了, 没续上) masked; a denial after the phrase (…是违法的) flips it too.
 */
export function polarityOf(cues: Cues, claim: CompiledClaim, view: SentenceView, clause: Clause, start: number, end: number): Polarity {
  const text = view.text;
  let from = clause.start;
  // 随便, 就医: a breaker's character inside a word ends nothing (masked, same length).
  const region = maskSpans(text.slice(from, start), [cues.notScopeBreaker]);
  const breaker = cues.scopeBreaker;
  breaker.lastIndex = 0;
  for (let m = breaker.exec(region); m; m = breaker.exec(region)) {
    if (m[0].length === 0) breaker.lastIndex++;
    // 并不会因为参保人去世就被收回: the negator denies what the cause would bring about.
    if (cues.negatedCause?.test(text.slice(from, clause.start + m.index))) continue;
    from = clause.start + m.index + m[0].length;
  }
  breaker.lastIndex = 0;
  // 即便没有工作仍可用: a concession that runs up to the phrase holds its own negator (没有工作);
  // it negates the concession, not the phrase (with 也/仍 between, a scope breaker ends it already).
  // The opening word may hold a breaker's character (即便: 便), so it is looked for in the whole clause.
  let cut = start;
  const opening = cues.concessionOpening;
  // Only when the phrase opens the main clause (仍可用, 也能用); 就算没单独买过 keeps its 没 on 单独买.
  if (opening && cues.concessionMain?.test(text.slice(start, start + 2))) {
    const prefix = text.slice(clause.start, start);
    opening.lastIndex = 0;
    for (let m = opening.exec(prefix); m; m = opening.exec(prefix)) {
      if (clause.start + m.index + m[0].length >= from) cut = Math.max(from, clause.start + m.index);
    }
    opening.lastIndex = 0;
  }
  const scope = text.slice(from, cut);
  if (cues.uncertain.test(scope)) return 'uncertain';
  // 会不会 / 能不能 ask; their 不 negates nothing.
  // Most scopes hold no negator at all: then there is nothing to mask or count.
  const hasNegator = cues.negatorStart.test(scope);
  // Either-or forms are found up to the clause end: the phrase may open with the form's last
  // part (要不要|自己交: the 不 before the phrase belongs to 要不要, it negates nothing).
  const masked = hasNegator ? maskSpans(maskEitherOr(cues, text.slice(from, clause.end)).slice(0, scope.length), [cues.notNegator, triggerPattern(claim)]) : scope;
  let flips = 0;
  if (hasNegator) {
    const neg = cues.negator;
    neg.lastIndex = 0;
    for (let m = neg.exec(masked); m; m = neg.exec(masked)) flips++;
    neg.lastIndex = 0;
  }
  // Denials (严查套现, …均属违法, …那是不行的) say the same thing when several occur: one flip, not one each.
  // After the phrase means after where it ends: a phrase reaching into the next clause
  // (给外孙交居民医保，不能用) holds that clause's refusal, it is not denied by it.
  const last = clauseAt(view.clauses, Math.max(start, end - 1));
  const endClause = view.clauses[last]!;
  const next = view.clauses[last + 1];
  const denied =
    cues.deniedBefore.test(masked) ||
    cues.deniedAfter.test(text.slice(end, Math.max(end, endClause.end))) ||
    // After a question (能给家人用吗，不能) the next clause answers it: answeredInSentence reads it, once.
    (next !== undefined && !view.asks[last] && cues.deniedNext.test(text.slice(next.start, next.end)) && !answersColumn(cues, claim, view, next));
  if (denied) flips++;
  // 难道…不能取现吗？: a rhetorical question asserts the opposite of what it asks.
  if (view.rhetorical[clauseAt(view.clauses, start)]) flips++;
  return flips % 2 === 1 ? 'negated' : 'affirmed';
}

/**
 * A table cell (否, ×) under a header that asks (方法 | 是否可取现 | …): the cell answers
 * its column's question, not the phrase in the row's first cell — unless the header asks
 * about the claim itself (用于家庭成员就医 | 否 under 是否可取现 says nothing of family
 * sharing; 申请提现 | 否 under it denies the cash-out).
 */
function answersColumn(cues: Cues, claim: CompiledClaim, view: SentenceView, cell: Clause): boolean {
  if (view.tableHeader === undefined || !CELL_BAR.test(view.text[cell.start - 1] ?? '')) return false;
  const column = view.text.slice(0, cell.start).split(CELL_BAR).length - 1;
  const header = view.tableHeader.split(CELL_BAR)[column]?.trim();
  if (!header) return false;
  if (!(cues.questionParticle.test(header) || cues.eitherOr.test(header) || cues.eitherOrClause.test(header))) return false;
  return !claim.values.some((v) => testOnce(v.phrases, header));
}
const CELL_BAR = /[|｜]/u;

const MASK = '\u0000';

/**
 * Whether a negator stands in text[from, to): between a frame's anchor and a
 * part after it (生育保险个人不缴费: the anchor 生育保险, 不 before 缴费). Masked
 * as polarityOf masks (不超过, 能不能, the claim's trigger words).
 */
export function negatedBetween(cues: Cues, claim: CompiledClaim, text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to);
  if (!cues.negatorStart.test(gap)) return false;
  const masked = maskSpans(gap, [cues.notNegator, cues.eitherOrAll, triggerPattern(claim)]);
  const neg = cues.negator;
  neg.lastIndex = 0;
  const found = neg.test(masked);
  neg.lastIndex = 0;
  return found;
}

/** The text with its either-or forms (备没备案, 能不能) blanked out. */
export function maskEitherOr(cues: Cues, text: string): string {
  return maskSpans(text, [cues.eitherOrAll]);
}

/** The text with every match of the patterns blanked out (same length). */
function maskSpans(text: string, patterns: readonly (RegExp | undefined)[]): string {
  let out = text;
  for (const re of patterns) {
    if (!re) continue;
    re.lastIndex = 0;
    out = out.replace(re, (m) => MASK.repeat(m.length));
    re.lastIndex = 0;
  }
  return out;
}

const triggers = new WeakMap<CompiledClaim, RegExp | undefined>();

/** The claim's topic words as a global regex, for masking (不交了 is a trigger, not a negation). */
function triggerPattern(claim: CompiledClaim): RegExp | undefined {
  if (!triggers.has(claim)) triggers.set(claim, claim.topic ? new RegExp(claim.topic.source, 'gu') : undefined);
  return triggers.get(claim);
}

const OPENING = /["“'‘「『]/u;
const CLOSING = /["”'’」』]/u;
/** How far a quotation around a phrase may reach and still be a quoted term (“医保卡套现”). */
const TERM_REACH = 8;

/**
 * The phrase names a thing instead of asserting it: a bare quoted term
 * (咨询“套现”问题), or a noun phrase (取出来的方法, 提现手续). A quoted term
 * yields no record at all; `true` means a mention (at most an info).
 */
export function mentionOf(cues: Cues, view: SentenceView, clause: Clause, start: number, end: number, headingLike: boolean, modality: string | undefined): 'quoted' | boolean {
  const text = view.text;
  const quote = quotedTerm(text, start, end);
  if (quote && !reportedQuotation(cues, text, quote)) return 'quoted';
  if (cues.mentionAfter.test(text.slice(end, clause.end))) return true;
  // 关于个人账户取现和转移，…: the clause names the topic the sentence goes on about.
  if (modality === undefined && cues.topicOpening?.test(text.slice(clause.start, start))) return true;
  // A title or list line of one clause with no modal verb labels a topic (医保卡余额提取).
  return headingLike && modality === undefined && view.clauses.length === 1;
}

/**
 * The phrase is inside a short quotation: a term being talked about, not a
 * claim (咨询“医保卡套现”问题). Where the quotation opens and closes, or undefined.
 */
function quotedTerm(text: string, start: number, end: number): { open: number; close: number } | undefined {
  let open = -1;
  for (let i = start - 1; i >= Math.max(0, start - TERM_REACH); i--) {
    if (OPENING.test(text[i]!)) {
      open = i;
      break;
    }
    if (CLOSING.test(text[i]!) && text[i] !== '"' && text[i] !== "'") return undefined;
  }
  if (open < 0) return undefined;
  for (let i = end; i < Math.min(text.length, end + TERM_REACH); i++) if (CLOSING.test(text[i]!)) return { open, close: i };
  return undefined;
}

/**
 * A quotation that is a report, not a term: a report cue just before it
 * (网传“…”, 有人说：“…”), a report noun after it (“…”的说法不对 / 属实), or an
 * endorsement just after (“…”，确实如此). It is read as the rumour it is, refuted or endorsed.
 */
function reportedQuotation(cues: Cues, text: string, quote: { open: number; close: number }): boolean {
  const lead = text.slice(Math.max(0, quote.open - REPORT_LEAD), quote.open);
  const cue = cues.rumour.exec(lead);
  if (cue && cue.index + cue[0].length >= lead.length - QUOTE_GAP) return true;
  const after = text.slice(quote.close + 1).replace(cues.quoteReplyOpening, '');
  if (cues.reportNoun?.test(after)) return true;
  // Refuted with no report cue (“…”是谣言) it stays a term: nothing is read, nothing wrong asserted.
  const stance = stanceOf(cues, after.slice(0, QUOTE_REPLY_REACH));
  return stance.endorsed && !stance.refuted;
}
/**
 * A phrase inside a quotation longer than a term that is named a report right after it
 * closes (一条“停缴三个月个人账户就清零”的消息在朋友圈流传 / “…”的说法同样不实): the quotation
 * passes the statement on, it is not the writer's. Its stance is read after the report noun:
 * refuted, endorsed or neither (then a rumour passed on). Undefined when the phrase is not
 * in such a quotation (a short quoted term is left to mentionOf).
 */
export function quotedReport(cues: Cues, text: string, start: number, end: number): { refuted: boolean; endorsed: boolean } | undefined {
  if (!cues.reportNoun || quotedTerm(text, start, end)) return undefined;
  const open = quotationOpening(text, start);
  if (open < 0) return undefined;
  const close = quotationClosing(text, text[open]!, end);
  if (close < 0) return undefined;
  const after = text.slice(close + 1).replace(cues.quoteReplyOpening, '');
  const noun = cues.reportNoun.exec(after);
  if (!noun) return undefined;
  return stanceOf(cues, after.slice(noun[0].length));
}

/** Where the quotation holding `at` opens, or -1 (an ASCII " opens when an even number of them stand before it). */
function quotationOpening(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) {
    const c = text[i]!;
    if (c === '"' || c === "'") return [...text.slice(0, i)].filter((x) => x === c).length % 2 === 0 ? i : -1;
    if (OPENING.test(c)) return i;
    if (CLOSING.test(c)) return -1;
  }
  return -1;
}

/** Where the quotation opened by `opening` closes at or after `from`, or -1. */
function quotationClosing(text: string, opening: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    const c = text[i]!;
    if (c === opening && (c === '"' || c === "'")) return i;
    if (c !== '"' && c !== "'" && CLOSING.test(c)) return i;
    if (c !== '"' && c !== "'" && OPENING.test(c)) return -1;
  }
  return -1;
}

/** How far before a quotation a report cue is looked for, and how many characters (：, 说) may stand between. */
const REPORT_LEAD = 10;
const QUOTE_GAP = 2;
/** How far after a quotation a reply to it counts (，这个说法属实 / 是谣言). */
const QUOTE_REPLY_REACH = 10;

/**
 * “不是A，而是B”: A is a misreading being corrected, not something the
 * sentence holds either way.
 */
export function correctedMisreading(cues: Cues, view: SentenceView, clauseIndex: number, start: number): boolean {
  const c = view.clauses[clauseIndex]!;
  if (!cues.contrastNot.test(view.text.slice(c.start, start))) return false;
  const next = view.clauses[clauseIndex + 1];
  return next !== undefined && cues.contrastBut.test(view.text.slice(next.start, next.end));
}

/**
 * The phrase is inside a condition clause that leads to another clause
 * (办理提现手续时，需准备…): it is what the condition is about, not a claim.
 */
export function inConditionClause(cues: Cues, view: SentenceView, clauseIndex: number, end: number): string | undefined {
  if (clauseIndex >= view.clauses.length - 1) return undefined;
  const c = view.clauses[clauseIndex]!;
  // A phrase reaching past its clause (个人补缴时，每天要交滞纳金) is not inside the condition.
  if (end > c.end) return undefined;
  const body = view.text.slice(c.start, c.end);
  return closesCondition(cues, body) ? body.trim() : undefined;
}

/** A clause that closes a condition (…的，/ …的话，), not a statement ending in 的 (是不能取现的，/ 钱可以取现的，). */
function closesCondition(cues: Cues, body: string): boolean {
  return cues.conditionEnd.test(body) && !cues.statementEnd?.test(body);
}

/**
 * A question answered later in its own sentence (医保卡的钱能取现吗，能的 / 会清零吗 —— 不会):
 * the first clause after it that does not ask opens with yes or no.
 */
export function answeredInSentence(cues: Cues, view: SentenceView, clauseIndex: number, end: number): 'yes' | 'no' | undefined {
  // A scraped line run together (…会清零吗 会的, its space taken out): the answer after 吗 in the same clause.
  const own = view.clauses[clauseIndex]!;
  const particle = view.text.lastIndexOf('吗', own.end - 1);
  // Only the question's close and who answers after 吗 (…吗？”客服答复：不能): the answer is in the clauses after.
  if (particle >= end && particle + 1 < own.end && !cues.questionClose.test(view.text.slice(particle + 1, own.end))) return replyOf(cues, view.text.slice(particle + 1));
  if (view.endsAsking) return undefined;
  for (let j = clauseIndex + 1; j < view.clauses.length; j++) {
    if (view.asks[j]) continue;
    const reply = view.text.slice(view.clauses[j]!.start);
    // …会清零吗，会清零的 / …能给家人用吗，用不了: the reply echoes the question's verb.
    return replyOf(cues, reply) ?? echoReply(cues, view.text.slice(own.start, own.end), reply);
  }
  return undefined;
}

/** Whether the clause of a phrase asks a question (or the sentence ends asking one). */
export function asks(view: SentenceView, clauseIndex: number): boolean {
  return view.asks[clauseIndex]! || view.endsAsking;
}

/**
 * The conditions and times a phrase stands under: condition clauses before
 * it in the sentence (如果…，…的，…的话), limiting words in its own clause
 * (只有…才, 除…外, 以下情况), other times (期满后) and the past (改革前).
 * A condition that only restates the claim's own topic (断缴超过3个月的，) does
 * not limit the claim and is left out; one that matches an exception of the
 * claim carries the exception's id.
 */
export function conditionsOf(
  cues: Cues,
  claim: CompiledClaim,
  view: SentenceView,
  clauseIndex: number,
  start: number,
  heading: string | undefined,
  end: number = start,
): ClaimCondition[] {
  const out: ClaimCondition[] = [];
  const text = view.text;
  const own = view.clauses[clauseIndex]!;
  const prefix = text.slice(own.start, start);
  const before = text.slice(0, start);
  // Up to the end of the phrase's clause: 没有继承人的 holds the phrase it excepts.
  // Not inside an either-or form: 备没备案 holds 没备案 but names no case.
  const named = exceptionIn(claim, maskEitherOr(cues, text.slice(0, own.end))) ?? (heading ? exceptionIn(claim, maskEitherOr(cues, heading)) : undefined);
  // …可以一次性退还，仅限出国定居的: the case named in a clause after that limits the value.
  const after = named ? undefined : limitedAfter(cues, claim, view, end);
  const exception = named ?? after?.exception;
  if (exception) out.push({ kind: 'exception', text: exception.text, exception: exception.id });
  // The past counts from the last word of the present on (原先仅限…，现在…).
  const now = lastIndexOf(cues.present, before);
  // A frame's value begins at its topic (单位缴费以往会划出一部分…): the past may stand inside it.
  const past = notReportTime(cues, before.slice(now)) ?? notReportTime(cues, prefix) ?? pastUntilPresent(cues, text, now, end) ?? (cues.pastInside?.exec(text.slice(start, end)) ?? null);
  // …，现在也一样 / 至今未变: the past still holds, so the sentence is about today too.
  if (past && !cues.presentSame?.test(text.slice(end))) out.push({ kind: 'past', text: past[0] });
  const time = cues.time.exec(prefix) ?? lastMatchInClauses(cues.time, view, clauseIndex);
  if (time) out.push({ kind: 'time', text: time[0] });
  else {
    const before = beforeOwnEvent(cues, claim, view, clauseIndex, prefix);
    if (before) out.push({ kind: 'time', text: before });
  }
  const inOwn = cues.limiting.exec(text.slice(own.start, own.end));
  // 只有配偶、父母、子女才行: a limiting phrase the value phrase overlaps is the value (only these), not a case it is limited to.
  const ownLimit = inOwn && !(own.start + inOwn.index < end && own.start + inOwn.index + inOwn[0].length > start) ? inOwn : null;
  const limiting = ownLimit ?? (inOwn ? null : lastMatchInClauses(cues.limiting, view, clauseIndex));
  // 在停缴的情况下，…: a frame around the claim's own situation limits nothing.
  if (limiting && !exception && !(cues.situationFrame?.test(limiting[0]) && ownSituation(cues, claim, limiting[0]))) out.push({ kind: 'limiting', text: limiting[0] });
  // Under a heading naming the cases something is allowed in (可提取的情形), the lines list those cases.
  else if (!limiting && !exception && heading && cues.limitingHeading?.test(heading)) out.push({ kind: 'limiting', text: heading });
  for (let i = 0; i <= clauseIndex; i++) {
    const c = view.clauses[i]!;
    const body = i === clauseIndex ? prefix : text.slice(c.start, c.end);
    // 只有…(时)，…才…: a clause before that opens with 只有 limits the value to its case, unless
    // it is the claim's own situation and little else (只有断缴超过3个月，才要重新等待).
    const limits = i < clauseIndex ? cues.limitingStart?.exec(body) : null;
    if (limits) {
      if (!exception && !onlyOwnSituation(cues, claim, body.slice(limits.index + limits[0].length))) out.push({ kind: 'limiting', text: body.trim() });
      continue;
    }
    const opens = cues.conditionStart.test(body);
    // A clause ending in …的 / …的话 before the phrase's clause; the phrase's own clause only by its opening word.
    const closes = i < clauseIndex && closesCondition(cues, body);
    if (!opens && !closes) continue;
    // A phrase reaching from its clause into the next (如果只是看普通门诊，统筹基金不予支付 on 门诊，…不予支付):
    // the condition is the whole clause, the part the phrase covers included.
    const condition = i === clauseIndex && end > c.end ? text.slice(c.start, c.end) : body;
    // 如果是…: an opening word with nothing of its own before the phrase is no condition to report.
    if (i === clauseIndex && condition.replace(cues.conditionStart, '').trim().length < 3) continue;
    if (exception && exception.text && condition.includes(exception.text)) continue;
    if (ownSituation(cues, claim, condition)) continue;
    out.push({ kind: 'condition', text: condition.trim(), ...(narrowsOwnSituation(cues, claim, condition) ? { narrows: true } : {}) });
  }
  return out;
}

/**
 * A condition (or a 在…情况下 frame) that does not limit the claim: it restates
 * the claim's own situation (断缴超过3个月的，), names only situations the claim
 * covers (要是辞职了，), or only who the claim is about and a need anyone has
 * (如果你是参保人，/ 要是急用钱，).
 */
function ownSituation(cues: Cues, claim: CompiledClaim, body: string): boolean {
  // One rule for the claim's context words and the situations it covers: named with little
  // else (断缴超过3个月的，/ 要是辞职了，) the condition restates the claim's situation; named
  // with more (断缴超过3个月又办了退休的，/ 晚交了医保又碰上单位破产) it narrows it (narrowsOwnSituation).
  if (namesOwnSituation(cues, claim, body) && onlyOwnSituation(cues, claim, body.replace(cues.conditionStart, ''), COVERED_REST)) return true;
  if (claim.covers && onlyCovered(cues, claim.covers, body)) return true;
  // 如果是灵活就业人员自己晚交了几个月: a covered situation, who the claim is about and a figure, nothing else.
  if (claim.covers && testOnce(claim.covers, body) && onlyOwnSituation(cues, claim, body.replace(cues.conditionStart, ''))) return true;
  if (cues.generalCondition !== undefined && onlyCovered(cues, cues.generalCondition, body, GENERAL_REST)) return true;
  // 如果你有医保 / 如果个人账户有余额，…: the insurance or the claim's context and next to nothing else.
  const names = (claim.topic !== undefined && claim.topic.test(body)) || (cues.schemeWord !== undefined && testOnce(cues.schemeWord, body));
  return names && onlyOwnSituation(cues, claim, body.replace(cues.conditionStart, ''));
}

/**
 * A clause set before the claim's own situation (在领失业金之前，/ 补缴之前是不能报销的): the
 * time before the rule applies, so another time. The event must be the claim's situation
 * (a context word beyond the insurance's name); 断缴之前攒的钱 is not such a clause.
 */
function beforeOwnEvent(cues: Cues, claim: CompiledClaim, view: SentenceView, clauseIndex: number, prefix: string): string | undefined {
  if (!cues.beforeEvent) return undefined;
  for (let i = 0; i <= clauseIndex; i++) {
    const c = view.clauses[i]!;
    const body = i === clauseIndex ? prefix : view.text.slice(c.start, c.end);
    const m = cues.beforeEvent.exec(body);
    if (m && namesOwnSituation(cues, claim, m[0])) return m[0].trim();
  }
  return undefined;
}

/**
 * A condition that is the claim's own situation with more added (断缴超过3个月又办了退休的，):
 * the registry's rule holds in that narrower case too, unless the claim lists it as an
 * exception, so a wrong value under it is likelier wrong than one under a condition
 * that names nothing of the claim (如果家人的医保不在本省).
 */
function narrowsOwnSituation(cues: Cues, claim: CompiledClaim, body: string): boolean {
  return namesOwnSituation(cues, claim, body) || (claim.covers !== undefined && testOnce(claim.covers, body));
}

/**
 * The condition names a situation of the claim's context (断缴, 退休, 转到外省):
 * a context word that is more than the name of the insurance itself.
 * 如果家人的医保不在本省 names 医保, not a situation of the claim — with the
 * rest of the clause it is a condition of its own.
 */
function namesOwnSituation(cues: Cues, claim: CompiledClaim, body: string): boolean {
  const topic = claim.topic;
  if (!topic || !topic.test(body)) return false;
  if (!cues.schemeWords) return true;
  const g = globalOf(topic);
  g.lastIndex = 0;
  for (let m = g.exec(body); m; m = g.exec(body)) {
    if (m[0].length === 0) {
      g.lastIndex++;
      continue;
    }
    if (cues.schemeWords.has(m[0])) continue;
    g.lastIndex = 0;
    return true;
  }
  g.lastIndex = 0;
  return false;
}

/** The claim's own situation and little else: its context words, the situations it covers and general words taken away. */
function onlyOwnSituation(cues: Cues, claim: CompiledClaim, body: string, most = OWN_REST): boolean {
  let rest = body;
  for (const re of [claim.topic, claim.covers, cues.schemeWord, cues.generalCondition, cues.conditionParameter]) {
    if (!re) continue;
    const g = globalOf(re);
    g.lastIndex = 0;
    rest = rest.replace(g, '');
    g.lastIndex = 0;
  }
  return [...rest.replace(cues.conditionFiller, '')].length <= most;
}
/** What may be left of a 只有 clause that restates the claim's own situation. */
const OWN_REST = 2;

/** What may be left of a condition of general words alone (如果你是…的话 leaves 是). */
const GENERAL_REST = 1;

/**
 * The condition names only situations the claim holds in (要是辞职了，/ 断缴的话，):
 * with those, the opening word and a few particles taken away, little is
 * left. A covered situation joined to another (辞职后又欠着医药费的) still limits.
 */
const COVERED_REST = 6;
function onlyCovered(cues: Cues, covers: RegExp, body: string, most = COVERED_REST): boolean {
  const global = covers.flags.includes('g') ? covers : new RegExp(covers.source, covers.flags + 'g');
  global.lastIndex = 0;
  const rest = body.replace(cues.conditionStart, '').replace(global, '');
  global.lastIndex = 0;
  if (rest === body.replace(cues.conditionStart, '')) return false;
  return [...rest.replace(cues.conditionFiller, '')].length <= most;
}

/**
 * The first past marker in the text that dates the rule, not the hearing of
 * it: 曾经听人讲… / 之前有人说… tell when it was heard (the report is read as one).
 */
function notReportTime(cues: Cues, text: string): RegExpExecArray | null {
  for (let from = 0; from < text.length; ) {
    const m = cues.past.exec(text.slice(from));
    if (!m) return null;
    const end = from + m.index + m[0].length;
    const report = cues.rumour.exec(text.slice(end, end + REPORT_AFTER_PAST + 6));
    if (!report || report.index > REPORT_AFTER_PAST) return m;
    from = end;
  }
  return null;
}
/** How far after a past marker a report cue may start and still be what it dates (曾经也听人讲). */
const REPORT_AFTER_PAST = 2;

/**
 * 原来个人账户只能本人用，现在可以给家人用: an opening like 原来 (also "it turns out") or 之前
 * dates the text from `from` in the past only when a word of the present follows the phrase
 * in the sentence, setting the present against it.
 */
function pastUntilPresent(cues: Cues, text: string, from: number, end: number): RegExpExecArray | null {
  if (!cues.pastUntilPresent) return null;
  const m = cues.pastUntilPresent.exec(text.slice(from));
  if (!m || from + m[0].length > end) return null;
  const re = cues.present;
  re.lastIndex = end;
  const later = re.exec(text);
  re.lastIndex = 0;
  return later ? m : null;
}

function lastIndexOf(re: RegExp, text: string): number {
  let at = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) at = m.index + m[0].length;
  re.lastIndex = 0;
  return at;
}

function lastMatchInClauses(re: RegExp, view: SentenceView, clauseIndex: number): RegExpExecArray | null {
  for (let i = clauseIndex - 1; i >= 0; i--) {
    const c = view.clauses[i]!;
    const m = re.exec(view.text.slice(c.start, c.end));
    if (m) return m;
  }
  return null;
}

/**
 * A clause after the value's that limits it (…可以一次性退还，仅限出国定居的人 / …，前提是已经移民 /
 * …，只有一种情况：出国定居): an exception the claim lists, named from that clause to the sentence's
 * end, is the value's exception. Only the first such clause counts; one naming a case the claim does
 * not list limits nothing (仅限本人办理; 只有住院才报 states a rule of its own).
 */
function limitedAfter(cues: Cues, claim: CompiledClaim, view: SentenceView, end: number): { exception?: { id: string; text: string } } | undefined {
  if (!cues.limitingAfter) return undefined;
  const last = clauseAt(view.clauses, Math.max(0, end - 1));
  for (let j = last + 1; j < view.clauses.length; j++) {
    const c = view.clauses[j]!;
    if (!cues.limitingAfter.test(view.text.slice(c.start, c.end))) continue;
    const exception = exceptionIn(claim, maskEitherOr(cues, view.text.slice(c.start)));
    return exception ? { exception } : undefined;
  }
  return undefined;
}

function exceptionIn(claim: CompiledClaim, text: string): { id: string; text: string } | undefined {
  for (const e of claim.exceptions) {
    const m = e.when.exec(text);
    if (m) return { id: e.exception.id, text: m[0] };
  }
  return undefined;
}

/**
 * Which subject the phrase's clause is about: the first subject mention in
 * its clause before the phrase, else in the nearest clause before it that
 * names one. Chinese puts the topic first (统筹基金不能继承，个人账户可以), so
 * the first mention, not the nearest, is the subject. `other` means the
 * clause is about another subject the claim lists; `own` or `topic` (nothing
 * named: the sentence, heading or title made it about the claim) bind it.
 */
export function subjectOf(
  claim: CompiledClaim,
  view: SentenceView,
  clauseIndex: number,
  start: number,
  around: { readonly heading?: string | undefined; readonly unitTitle?: string | undefined; readonly previous?: string | undefined } = {},
  end: number = start,
  anaphora?: RegExp,
): { kind: 'own' | 'other' | 'topic'; text?: string } {
  if (!claim.otherSubjects) return { kind: 'topic' };
  // The claim's own subject named only after the phrase (谈不上给家人共济) yields to a topic named before it.
  let ownAfter: { kind: 'own'; text: string } | undefined;
  // 这笔钱 / 里面的钱 / 它: a subject named before, in the sentence or around it.
  let referred = false;
  for (let i = clauseIndex; i >= 0; i--) {
    const c = view.clauses[i]!;
    const to = i === clauseIndex ? start : c.end;
    const m = firstMention(claim, view.text, c.start, to);
    if (m) return m;
    if (anaphora && !referred) {
      anaphora.lastIndex = 0;
      referred = anaphora.test(view.text.slice(c.start, to));
      anaphora.lastIndex = 0;
    }
    // Nothing before the phrase in its own clause: its object decides (提取原个人金融账户余额).
    // The object is what follows the phrase: a destination inside it (收归统筹基金) is the value, not the subject.
    // A word standing for a subject named before (这笔钱会被收回统筹基金) is that subject, not the object.
    if (i === clauseIndex && !referred) {
      // The phrase names the claim's own subject itself (允许绑定兄弟姐妹: 绑定 is family sharing): it binds.
      const inside = firstMention(claim, view.text, start, Math.min(end, c.end));
      if (inside?.kind === 'own') return inside;
      const after = firstMention(claim, view.text, Math.max(start, Math.min(end, c.end)), c.end);
      if (after?.kind === 'other') return after;
      if (after) ownAfter = { kind: 'own', text: after.text };
    }
  }
  if (ownAfter) return ownAfter;
  // Nothing named in the sentence: the heading, then the title, decide (a 居民医保 page's 需等待6个月);
  // a word standing for a subject looks first at the sentence before (统筹基金是大家的。它不能继承。).
  for (const t of [referred ? around.previous : undefined, around.heading, around.unitTitle]) {
    if (!t || t === view.text) continue;
    const m = firstMention(claim, t, 0, t.length);
    if (m) return m.kind === 'other' ? m : { kind: 'topic' };
  }
  return { kind: 'topic' };
}

function firstMention(claim: CompiledClaim, text: string, from: number, to: number): { kind: 'own' | 'other'; text: string } | undefined {
  const window = text.slice(from, to);
  const others = allMatches(claim.otherSubjects!, window);
  const owns = allMatches(claim.subject, window).filter((o) => !others.some((x) => x.start < o.end && o.start < x.end));
  const first = [...others.map((m) => ({ ...m, kind: 'other' as const })), ...owns.map((m) => ({ ...m, kind: 'own' as const }))].sort(
    (a, b) => a.start - b.start || (a.kind === 'other' ? -1 : 1),
  )[0];
  return first ? { kind: first.kind, text: first.text } : undefined;
}

function allMatches(re: RegExp, text: string): { start: number; end: number; text: string }[] {
  const out: { start: number; end: number; text: string }[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  re.lastIndex = 0;
  return out;
}

/** The modal word nearest before the phrase in its clause (可以, 不得, 只能…), for the record. */
export function modalityOf(cues: Cues, view: SentenceView, clause: Clause, start: number, end: number): string | undefined {
  const re = cues.modal;
  const scope = view.text.slice(clause.start, end);
  let found: string | undefined;
  re.lastIndex = 0;
  for (let m = re.exec(scope); m; m = re.exec(scope)) if (m.index <= start - clause.start + 2) found = m[0];
  re.lastIndex = 0;
  return found;
}

/** How a figure is stated: as a local rule, as the national rule, or neither. */
export function scopeOf(cues: Cues, view: SentenceView, placeNamed: () => boolean): 'local' | 'national' | undefined {
  if (cues.national.test(view.text)) return 'national';
  if (cues.local.test(view.text) || placeNamed()) return 'local';
  return undefined;
}

export { clauseAt };
