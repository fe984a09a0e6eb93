// Claim records of a whole article: each sentence read with the heading and
// title above it, then the few readings that need the next sentence — a
// question answered in it (能取现吗？能。 / 不能。), a rumour refuted or
// confirmed by it (网上说…。这是谣言。).
import type { Article, ClaimCondition, ClaimRecord, Sentence } from '../types.js';
import { testOnce } from '../text/regex.js';
import type { Registry } from '../registry/types.js';
import type { Cues } from './cues.js';
import { isSpace } from '../text/code-units.js';
import { readSentence, type SentenceReading } from './claims.js';
import { stanceOf } from './reading.js';
import { echoReply, replyOf } from './answers.js';
import { findQuantities } from './quantity.js';
import { correctedFigure, readCorrectedAnswer } from './corrections.js';
import { judgingStarts, opensJudging } from './judging.js';

export interface ArticleReader {
  readonly registry: Registry;
  readonly cues: Cues;
  /** The unit's region (front matter, title or parent), asked for only when a sentence yields a record. */
  readonly regionOf?: (article: Article, unitIndex: number) => string | undefined;
  /** Whether a text names a place (figures stated as local rules). */
  readonly placeNamed?: (text: string) => boolean;
}

/** How far into the next sentence a refutation or confirmation counts (这种说法不对, 确实如此). */
const REPLY_REACH = 12;
/** How far into the next sentence an endorsement counts (我问了医保局的工作人员，也是这么说的). */
const ENDORSE_REACH = 24;

/** A table row: cells between at least two bars (a Markdown separator row |---| included). */
const TABLE_ROW = /[|｜][^|｜]*[|｜]/u;

export function extractArticle(article: Article, reader: ArticleReader): ClaimRecord[] {
  const { registry, cues } = reader;
  const records: ClaimRecord[] = [];
  // Records of the previous sentence, when it asked or passed on a rumour.
  let pending: { unitIndex: number; from: number; kind: 'question' | 'rumour' | 'plain' } | undefined;
  let heading: string | undefined;
  let headingUnit = -1;
  // The first sentence of the current unit (its topic when it has no title).
  let lead: string | undefined;
  let leadUnit = -1;
  // The sentence before, when it asked a question: the next one may answer it.
  let asked: { unitIndex: number; text: string } | undefined;
  let prior: Sentence | undefined;
  // The first row of the table the current sentence is a row of (a yes/no cell answers its column).
  let tableHeader: string | undefined;
  let tableUnit = -1;
  // One surroundings, base and region lookup per article, updated per sentence: this loop runs for every sentence of the corpus.
  const around: {
    heading?: string | undefined;
    unitTitle?: string | undefined;
    previous?: string | undefined;
    headingLike?: boolean;
    question?: string | undefined;
    tableHeader?: string | undefined;
    placeNamed?: ((text: string) => boolean) | undefined;
  } = {
    heading: undefined,
    unitTitle: undefined,
    headingLike: false,
    placeNamed: reader.placeNamed,
  };
  const base = { file: article.file.path, unitIndex: 0 };
  const regionOf = reader.regionOf ? () => reader.regionOf!(article, base.unitIndex) : undefined;
  // The same objects, updated per sentence, for the answer readers.
  const reading: SentenceReading = { registry, cues, around, base, records, regionOf };
  for (const sentence of article.sentences) {
    if (sentence.unitIndex !== headingUnit) {
      heading = undefined;
      headingUnit = sentence.unitIndex;
    }
    if (pending && pending.unitIndex === sentence.unitIndex) replyTo(pending, sentence.text, records, registry, cues);
    pending = undefined;
    around.question = asked && asked.unitIndex === sentence.unitIndex ? asked.text : undefined;
    around.previous = prior && prior.unitIndex === sentence.unitIndex ? prior.text : undefined;
    prior = sentence;
    // A table cell is read under its headers too (居民医保 | 改革前 | 个人账户能否给家人用), before the heading.
    around.heading = sentence.cellHeaders ? [...sentence.cellHeaders, ...(heading ? [heading] : [])].join('，') : heading;
    const row = TABLE_ROW.test(sentence.text);
    if (!row || sentence.unitIndex !== tableUnit) tableHeader = undefined;
    around.tableHeader = row ? tableHeader : undefined;
    if (row && tableHeader === undefined) {
      tableHeader = sentence.text;
      tableUnit = sentence.unitIndex;
    }
    if (base.unitIndex !== sentence.unitIndex || around.unitTitle === undefined) {
      // A scraped block without a title line: its first sentence states what it is about.
      if (sentence.unitIndex !== leadUnit) {
        leadUnit = sentence.unitIndex;
        lead = sentence.text;
      }
      around.unitTitle = article.units[sentence.unitIndex]?.title?.text ?? (lead !== sentence.text ? lead : undefined);
    }
    base.unitIndex = sentence.unitIndex;
    const headingLike = isHeadingLike(sentence.text, sentence.isTitle);
    around.headingLike = headingLike;
    // A title or heading that asks what or how (停缴后个人账户的钱怎么处理) is answered by the sentence after it too.
    asked = cues.questionEnd.test(sentence.text) || (headingLike && cues.questionWord.test(sentence.text)) ? { unitIndex: sentence.unitIndex, text: sentence.text } : undefined;
    const before = records.length;
    if (around.question) readAnswer(reading, sentence, around.question);
    else {
      readSentence(registry, cues, sentence, around, base, records, regionOf);
      readInlineFilledAnswer(reading, sentence, before);
    }
    if (sentence.cellHeaders && records.length > before) qualifyByHeaders(registry, cues, sentence.cellHeaders, records, before);
    if (records.length > before) {
      const framings = records.slice(before).map((r) => r.framing);
      if (framings.includes('question')) pending = { unitIndex: sentence.unitIndex, from: before, kind: 'question' };
      else if (framings.includes('rumour')) pending = { unitIndex: sentence.unitIndex, from: before, kind: 'rumour' };
      else pending = { unitIndex: sentence.unitIndex, from: before, kind: 'plain' };
    }
    if (headingLike) heading = sentence.text;
  }
  // A yes/no question nobody answered (能否提取) presupposes neither value: nothing is asserted.
  return records.filter((r) => !(r.framing === 'question' && r.asks === 'whether'));
}

/**
 * A sentence right after a question is read with the question before it, so
 * that an answer that leaves out the subject (不算，到新地方得从头交) finds its
 * phrases; only values read in the answer itself are kept, on the answer.
 */
function readAnswer(reading: SentenceReading, sentence: Sentence, question: string): void {
  const { registry, cues, around, base, records, regionOf } = reading;
  // Joined as written (the question ends in ？ or 吗): a phrase that needs its subject
  // just before it (年限…不算) may find it in the question; hits that start there are dropped.
  // A question ending in 吗 without ？ gets one, so the answer starts a clause of its own.
  const lead = /[？?]\s*$/u.test(question) ? question : `${question}？`;
  const joined = { text: lead + sentence.text, span: { start: sentence.span.start - lead.length, end: sentence.span.end } };
  const before = records.length;
  // Phrases in the question are its own sentence's records: only the answer is read.
  readSentence(registry, cues, joined, { ...around, question: undefined, readFrom: lead.length }, base, records, regionOf);
  for (let k = before; k < records.length; k++) {
    const r = records[k]!;
    // A phrase that began in the question is reported on its part in the answer.
    const from = Math.max(r.cue.span.start, sentence.span.start);
    const cue = from === r.cue.span.start ? r.cue : { text: r.cue.text.slice(from - r.cue.span.start), span: { start: from, end: r.cue.span.end } };
    records[k] = { ...r, cue, sentence, clause: { start: Math.max(r.clause.start, sentence.span.start), end: r.clause.end } };
  }
  readFilledAnswer(reading, sentence, question, before);
  // 要等四个月吗？不对，是六个月。: the corrected figure read in the question's place.
  const corrected = correctedFigure(cues, question, sentence.text);
  if (corrected) readCorrectedAnswer(reading, sentence, question, corrected, before);
}

/**
 * 断缴超过3个月，要等多久才能报销？一年。 — an answer that is only the figure
 * (or a short phrase with one) asked for by 多久/多少/什么时候… is read put in
 * the question's place: 断缴超过3个月，要等一年才能报销. Only values whose phrase
 * takes in the answer are kept, on the answer; hedges anywhere in the answer count.
 */
function readFilledAnswer(reading: SentenceReading, sentence: Sentence, question: string, answeredFrom: number): void {
  const { registry, cues, around, base, records, regionOf } = reading;
  if (!cues.answerSlot || !/[？?]\s*$/u.test(question)) return;
  const slot = lastMatch(cues.answerSlot, question);
  if (!slot) return;
  const marker = cues.answerMarker?.exec(sentence.text)?.[0].length ?? 0;
  const firstEnd = sentence.text.slice(marker).search(/[，,。；;！!？?]/u);
  const first = sentence.text.slice(marker, firstEnd < 0 ? undefined : marker + firstEnd);
  if (first.length === 0 || first.length > FILLED_ANSWER_MAX || findQuantities(first).length === 0) return;
  const head = question.slice(0, slot.index);
  const tail = question.slice(slot.index + slot[0].length).replace(/[？?]\s*$/u, '');
  const text = `${head}${first}${tail}。`;
  const at = sentence.span.start + marker;
  const filled = { text, span: { start: at - head.length, end: at - head.length + text.length } };
  const read: ClaimRecord[] = [];
  readSentence(registry, cues, filled, { ...around, question: undefined, readFrom: head.length }, base, read, regionOf);
  const answerEnd = at + first.length;
  const hedges = hedgesIn(cues, sentence.text);
  for (const r of read) {
    // The phrase must take in the answer's figure; what lies in the question alone was read there.
    if (r.cue.span.end <= at || r.cue.span.start >= answerEnd) continue;
    if (records.slice(answeredFrom).some((x) => x.claimId === r.claimId && x.value === r.value)) continue;
    const start = Math.max(r.cue.span.start, at), end = Math.min(r.cue.span.end, answerEnd);
    records.push({
      ...r,
      cue: { text: sentence.text.slice(start - sentence.span.start, end - sentence.span.start), span: { start, end } },
      sentence,
      clause: { start: at, end: answerEnd },
      hedges: [...new Set([...r.hedges, ...hedges])],
      framing: r.framing === 'plain' ? 'answered' : r.framing,
    });
  }
}
/**
 * 断缴超过3个月，要等多久才能报销，一年。 — a question of how long (or how much) asked
 * and answered with only the figure in one sentence, without a question mark: read as
 * the question and its answer are when the answer follows in the next sentence.
 */
function readInlineFilledAnswer(reading: SentenceReading, sentence: Sentence, readFrom: number): void {
  const { cues, records } = reading;
  if (!cues.answerSlot) return;
  const text = sentence.text;
  const body = text.replace(/[。！!；;\s]*$/u, '');
  const cut = Math.max(body.lastIndexOf('，'), body.lastIndexOf(','));
  if (cut <= 0 || body.length - cut - 1 > FILLED_ANSWER_MAX) return;
  const question = text.slice(0, cut);
  if (!lastMatch(cues.answerSlot, question)) return;
  const answer: Sentence = { ...sentence, text: text.slice(cut + 1), span: { start: sentence.span.start + cut + 1, end: sentence.span.end } };
  const from = records.length;
  readFilledAnswer(reading, answer, `${question}？`, readFrom);
  for (let k = from; k < records.length; k++) records[k] = { ...records[k]!, sentence };
}

/** How long an answer's first clause may be and still be only the figure asked for (一年 / 要等12个月左右). */
const FILLED_ANSWER_MAX = 12;

/** The hedge words of a text (可能, 一般, 部分地区…), each once. */
function hedgesIn(cues: Cues, text: string): string[] {
  const hedges: string[] = [];
  const re = cues.hedges;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) if (!hedges.includes(m[0])) hedges.push(m[0]);
  re.lastIndex = 0;
  return hedges;
}

function lastMatch(re: RegExp, text: string): RegExpExecArray | null {
  const g = re.flags.includes('g') ? re : new RegExp(re.source, re.flags + 'g');
  g.lastIndex = 0;
  let last: RegExpExecArray | null = null;
  for (let m = g.exec(text); m; m = g.exec(text)) last = m;
  g.lastIndex = 0;
  return last;
}

/**
 * The next sentence answers a question (能。 asserts it, 不能。 its opposite;
 * a value with no opposite then says nothing) or replies to a rumour (这是谣言
 * drops what contradicted; 确实如此 confirms it).
 */
function replyTo(pending: { from: number; kind: 'question' | 'rumour' | 'plain' }, reply: string, records: ClaimRecord[], registry: Registry, cues: Cues): void {
  const prior = records.slice(pending.from);
  let next: ClaimRecord[] | undefined;
  if (pending.kind === 'plain') {
    // 医保卡的钱能取现。这是谣言。/ …。纯属无稽之谈。: a statement the next sentence opens by calling false,
    // out of date or abolished asserts nothing, as in one sentence (refutedAfter). Only a first clause that
    // is nothing but the refutation counts; what the writer says for himself (supports) stays.
    // A judging clause opening it (这种说法站不住。/ 不是的！/ 并非如此，…) refutes the same way (judging.ts).
    if (!cues.refutedNext?.test(reply.split(REPLY_CLAUSE)[0] ?? '') && !opensJudging(cues, reply)) return;
    next = prior.filter((r) => registry.byId.get(r.claimId)?.valueByName.get(r.value)?.verdict === 'supports');
  } else if (pending.kind === 'question' && correctedFigure(cues, prior[0]?.sentence.text ?? '', reply)) {
    // 要等四个月吗？不对，是六个月。: the figure asked about is neither asserted nor denied; the answer's is read (readAnswer).
    next = prior.filter((r) => r.framing !== 'question');
  } else if (pending.kind === 'question') {
    // ——可以。/ 答复：不能。: the marker that opens the answer is no part of it.
    const whole = reply;
    const marker = cues.answerMarker?.exec(reply);
    if (marker) reply = reply.slice(marker[0].length);
    const asked = prior[0]?.sentence.text ?? '';
    const echo = echoAnswer(cues, asked, reply) ?? (asked ? echoReply(cues, asked, reply) : undefined);
    const said = replyOf(cues, reply);
    // 可能会。/ 一般不会，…: an answer hedged is a hedged assertion, as the same words in the question would make it.
    const hedged = (r: ClaimRecord): string[] => [...new Set([...r.hedges, ...hedgesIn(cues, whole)])];
    if (echo === 'no' || (echo === undefined && said === 'no')) {
      next = prior.flatMap((r) => {
        if (r.framing !== 'question') return [r];
        const opposite = registry.byId.get(r.claimId)?.valueByName.get(r.value)?.negation;
        return opposite ? [{ ...r, value: opposite, polarity: r.polarity === 'negated' ? ('affirmed' as const) : ('negated' as const), framing: 'answered' as const, hedges: hedged(r) }] : [];
      });
    } else if (echo === 'yes' || said === 'yes') {
      next = prior.map((r) => (r.framing === 'question' ? { ...r, framing: 'answered' as const, hedges: hedged(r) } : r));
    } else if (cues.answerBecause?.test(reply)) {
      // 为什么停缴后余额会清零？因为…: explaining why takes the value for granted, unless the question
      // itself reports or doubts it (为什么有人说会清零？因为…).
      if (!cues.rumour.test(asked) && !cues.debunk.test(asked)) {
        next = prior.map((r) => (r.framing === 'question' && r.asks !== 'whether' ? { ...r, framing: 'answered' as const } : r));
      }
    }
  } else {
    // A refutation counts at the start of the reply; an endorsement may take a little longer (我问了窗口，也是这么说的).
    const stance = stanceOf(cues, reply.slice(0, ENDORSE_REACH), reply.length > ENDORSE_REACH);
    if ((cues.debunk.test(reply.slice(0, REPLY_REACH)) && stanceOf(cues, reply.slice(0, REPLY_REACH), reply.length > REPLY_REACH).refuted) || refutingClause(cues, reply)) {
      next = prior.filter((r) => r.framing !== 'rumour' || registry.byId.get(r.claimId)?.valueByName.get(r.value)?.verdict === 'supports');
    } else if (stance.endorsed && !stance.refuted) {
      next = prior.map((r) => (r.framing === 'rumour' ? { ...r, framing: 'endorsed' as const } : r));
    }
  }
  if (next) {
    records.length = pending.from;
    for (const r of next) records.push(r);
  }
}

/**
 * What a table cell's headers say of the records read in it: a header that names another
 * subject of the claim (a 居民医保 column) or one of its `none` phrases takes the record out;
 * a header of the past (改革前, 2021年以前的规定) or another time (期满后) qualifies it, as
 * the same words in the sentence would.
 */
function qualifyByHeaders(registry: Registry, cues: Cues, headers: readonly string[], records: ClaimRecord[], from: number): void {
  const kept: ClaimRecord[] = [];
  for (const r of records.slice(from)) {
    const compiled = registry.byId.get(r.claimId);
    if (!compiled) {
      kept.push(r);
      continue;
    }
    const other = headers.some((h) => (compiled.none !== undefined && testOnce(compiled.none, h)) || (compiled.otherSubjects !== undefined && testOnce(compiled.otherSubjects, h) && !testOnce(compiled.subject, h)));
    if (other) continue;
    const added: ClaimCondition[] = [];
    for (const h of headers) {
      const past = cues.past.exec(h);
      if (past && !r.conditions.some((c) => c.kind === 'past')) added.push({ kind: 'past', text: past[0] });
      const time = cues.time.exec(h);
      if (time && !r.conditions.some((c) => c.kind === 'time')) added.push({ kind: 'time', text: time[0] });
    }
    kept.push(added.length ? { ...r, conditions: [...r.conditions, ...added] } : r);
  }
  records.length = from;
  for (const r of kept) records.push(r);
}

/**
 * A clause of the reply that is nothing but a refutation (记者向医保局核实，这是谣言 / 经核实，
 * 此说法不实): it refutes the report before it wherever it stands in the reply's opening.
 */
function refutingClause(cues: Cues, reply: string): boolean {
  const opening = reply.slice(0, ENDORSE_REACH);
  if (cues.refutedNext && opening.split(REPLY_CLAUSE).some((c) => cues.refutedNext!.test(c))) return true;
  // A judging clause starting in the reply's opening (记者核实后发现，这个说法站不住): read whole, not cut.
  return judgingStarts(cues, reply).some((at) => at < ENDORSE_REACH);
}
const REPLY_CLAUSE = /[，,。；;！!：:]/u;

/**
 * A reply that echoes the question's verb, the usual way to answer yes or no
 * in Chinese: 还认吗？不认。/ 还在吗？不在了。/ 能给妈妈用吗？用不了。/ 还算吗？算。
 * Only a first clause of one or two characters around 不/没 counts, and the
 * verb must occur in the question.
 */
function echoAnswer(cues: Cues, question: string, reply: string): 'yes' | 'no' | undefined {
  // The word lists are data/cues.yaml's shortEcho* lists.
  const first = cues.shortEchoClause.exec(reply)?.[1];
  if (!first || !question) return undefined;
  const no = cues.shortEchoNo.exec(first) ?? cues.shortEchoNoPotential.exec(first);
  if (no) return question.includes(no[1]!) ? 'no' : undefined;
  const yes = cues.shortEchoYes.exec(first);
  return yes && !cues.negatorChar.test(yes[1]!) && question.includes(yes[1]!) ? 'yes' : undefined;
}

// A short line with no sentence-final punctuation reads as a heading ("二、停缴后个人账户资金的使用规则").
// Checked by hand rather than with /[。！？；.!?;，,：:]\s*$/u: this runs for every short sentence.
const FINAL_PUNCT = new Set([...'。！？；.!?;，,：:'].map((c) => c.charCodeAt(0)));
export function isHeadingLike(text: string, isTitle: boolean): boolean {
  if (isTitle) return true;
  if (text.length > 32) return false;
  let i = text.length - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  return !(i >= 0 && FINAL_PUNCT.has(text.charCodeAt(i)));
}

