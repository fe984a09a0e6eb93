import type { ClaimRecord, Framing, Quantity, TextSpan } from '../types.js';
import type { CompiledClaim, CompiledFrame, CompiledValue, GuardedPattern, QuantityTest, Registry } from '../registry/types.js';
import { ScanHits, type LiteralScanner } from '../text/literal-scanner.js';
import type { Cues } from './cues.js';
import { findQuantities } from './quantity.js';
import { testOnce } from '../text/regex.js';
import { findPlaces } from '../region/matcher.js';
import { loadGazetteer } from '../region/gazetteer.js';
import { refutedAfter } from './answers.js';
import { judgedBefore } from './judging.js';
import { answeredInSentence, asks, asksOnlyWhether, clauseAt, negatedBetween, conditionsOf, correctedMisreading, inConditionClause, maskEitherOr, mentionOf, modalityOf, polarityOf, quotedReport, scopeOf, stanceOf, subjectOf, viewSentence, type SentenceView } from './reading.js';
import { noneAfterPresent } from './periods.js';
import { noneReach } from './none-scope.js';

/** Text around a sentence that can make it about a claim's subject. */
export interface SentenceSurroundings {
  /** The nearest heading (or heading-like line) above the sentence. */
  readonly heading?: string | undefined;
  /** The title of the sentence's unit. */
  readonly unitTitle?: string | undefined;
  /** The sentence is a title, heading or list line (no final punctuation): 怎么/如何 make it a question. */
  readonly headingLike?: boolean | undefined;
  /** The question just before, when this sentence may answer it (能取现吗？能，…): its words make the sentence about a claim too. */
  readonly question?: string | undefined;
  /** The sentence before in the same unit: the situation it names (停交以后…) carries into this one. */
  readonly previous?: string | undefined;
  /** Phrases starting before this offset are context only, not read (the question joined before an answer). */
  readonly readFrom?: number | undefined;
  /** The first row of the table the sentence is a row of: a yes/no cell answers its column's header (是否可取现 | 否). */
  readonly tableHeader?: string | undefined;
  /** Whether the text names a place (for figures stated as local rules). */
  readonly placeNamed?: ((text: string) => boolean) | undefined;
}

export interface RecordBase {
  readonly file: string;
  readonly unitIndex: number;
  readonly region?: string;
}

/**
 * What readSentence takes besides the sentence, kept together for the answer
 * readers (article.ts, corrections.ts), which read a sentence made of a
 * question and its answer and keep some of its records in `records`.
 */
export interface SentenceReading {
  readonly registry: Registry;
  readonly cues: Cues;
  readonly around: SentenceSurroundings;
  readonly base: RecordBase;
  readonly records: ClaimRecord[];
  readonly regionOf: (() => string | undefined) | undefined;
}

/**
 * 北京的可以提现 / 天津的个人账户可以按比例提取: a wrong value stated for a place named before
 * it in its own clause reports that place's practice; the verdict makes it a warning. Not a
 * place framing the whole sentence (在南昌，…: the page's locality, the rule stated there), and
 * not when the words before it also say the rule is national (全国各地都…).
 */
function placeBefore(cues: Cues, text: string, from: number, to: number, around: SentenceSurroundings): 'local' | undefined {
  const head = text.slice(from, to);
  if (head.length < 2 || cues.national.test(head)) return undefined;
  return (around.placeNamed ?? namesPlace)(head) ? 'local' : undefined;
}

/** The clause's start, or the start of a label before it in the sentence (广东省方案：…，…) that a colon ends. */
function labelStart(view: SentenceView, clauseIndex: number): number {
  for (let k = clauseIndex - 1; k >= 0; k--) {
    const after = view.text[view.clauses[k]!.end];
    if (after === '：' || after === ':') return view.clauses[k]!.start;
  }
  return view.clauses[clauseIndex]!.start;
}

/** Whether a text names a place of the bundled gazetteer (a figure stated for one city is a local rule). */
function namesPlace(text: string): boolean {
  return findPlaces(loadGazetteer(), text).length > 0;
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
  const records: ClaimRecord[] = [];
  readSentence(registry, cues, sentence, around, base, records, undefined);
  return records;
}

/**
 * extractClaims for the article loop: appends to `out` and returns how many
 * records it added. `tailRegion` is asked for once, when the sentence yields a
 * record, and is set as each record's last field.
 */
export function readSentence(
  registry: Registry,
  cues: Cues,
  sentence: TextSpan,
  around: SentenceSurroundings,
  base: RecordBase,
  out: ClaimRecord[],
  tailRegion: (() => string | undefined) | undefined,
): number {
  const text = sentence.text;
  const scanner = registry.scanner;
  // 生育津贴要求连续缴满6个月才能领取 after a sentence about the account: a sentence naming the subject of
  // another scheme's rule (cues otherRuleSubjects) does not take the sentence before's subject.
  if (around.previous !== undefined && cues.otherRuleSubjects && testOnce(cues.otherRuleSubjects, text)) around = { ...around, previous: undefined };
  // No subject word of any claim in the sentence or around it: only claims read from trigger and value (binding.unnamed) remain.
  let unnamedOnly = false;
  // One pass that finds the registry words in the sentence; without a scanner,
  // one regex that rules out sentences no claim could be about.
  if (scanner) {
    // A heading or unit title is often the sentence just read: keep its scan before scanning this one.
    keepForSurroundings(scanner, around);
    scanner.scan(text, sentenceHits);
    lastScanned = text;
    if (registry.scanGate !== undefined && !sentenceHits.has(registry.scanGate) && !mayInheritSubject(registry, around)) {
      if (!someUnnamedTrigger(registry, text, true)) return 0;
      unnamedOnly = true;
    }
  } else if (registry.gate && !registry.gate.test(text) && !mayInheritSubject(registry, around)) {
    if (!someUnnamedTrigger(registry, text, false)) return 0;
    unnamedOnly = true;
  }
  const before = out.length;
  // Records read for a claim whose subject the sentence does not name (binding.unnamed): kept only when one claim is read so.
  let unnamedRead: string | 'several' | undefined;
  let quantities: Quantity[] | undefined;
  let year: number | undefined | null = null;
  let region: string | undefined | null = null;
  let view: SentenceView | undefined;
  const claims = registry.claims;
  const firsts = scanner ? firstListsOf(registry) : undefined;
  for (let i = 0; i < claims.length; i++) {
    // Most claims fail on their first `all` pattern: settle that with one lookup.
    const compiled = claims[i]!;
    // The sentence names no subject, yet has this claim's trigger (停交三个月，之前攒的那点看病钱就清零了).
    let unnamed = false;
    if (unnamedOnly) {
      if (!readsUnnamed(compiled, cues, text, around, Boolean(scanner))) continue;
      unnamed = true;
    } else if (firsts && firsts[i]! >= 0 && !sentenceHits.has(firsts[i]!)) {
      // Most sentences lack the claim's trigger too: one scanner lookup settles that before any regex.
      if (!around.question && compiled.guarded && compiled.any && !someMatch(compiled.guarded.any, text, sentenceHits)) continue;
      if (!inheritsSubject(compiled, text, around, cues.anaphora, false)) {
        if (!readsUnnamed(compiled, cues, text, around, true)) continue;
        unnamed = true;
      }
    } else if (
      !(scanner && compiled.guarded ? isAboutScanned(compiled, text, around, scanner, cues.anaphora) : isAbout(compiled, text, around, cues.anaphora, false)) &&
      !(around.question && answersAbout(compiled, text, around.question, false))
    ) {
      if (!readsUnnamed(compiled, cues, text, around, Boolean(scanner))) continue;
      unnamed = true;
    }
    const hitCount = phraseHits(compiled, cues, text, scanner && sentenceHits, around.readFrom ?? 0);
    if (hitCount === 0) continue;
    view ??= viewSentence(cues, text, around.headingLike === true, around.tableHeader);
    // A `none` phrase (个税, 居民医保…) rules out the clause it is in and the clauses after it.
    // Before a clause that names the claim's subject itself it rules that clause out only when
    // the rest of the sentence names another subject of the claim (…，这是居民医保的规定): the
    // topic runs forward, so 退休以后医保卡里就不再进钱了，以后只能靠原来攒下的余额 keeps its first clause.
    // …，是因为断缴了三个月: a `none` phrase in an explanation rules out what it explains too.
    const noneAt = noneReach(cues, text, firstNone(compiled, text, scanner ? sentenceHits : undefined));
    const claimFrom = out.length;
    let seenValues: string[] | undefined;
    for (let h = 0; h < hitCount; h++) {
      const hitValue = hitValues[h]!, hitStart = hitStarts[h]!, hitEnd = hitEnds[h]!;
      // 账户清零或转移 / 转移或者清零: two values joined by 或 name the possibilities, asserting neither.
      if (disjoined(cues, text, h, hitCount)) continue;
      // Joined to its question, an answer's phrase may start there (固定等待期多长？6个月), never end there.
      if (around.readFrom !== undefined && hitEnd <= around.readFrom) continue;
      const clauseIndex = clauseAt(view.clauses, hitStart);
      const clause = view.clauses[clauseIndex]!;
      // 不管备没备案 / 交不交都…: the conceding part asserts nothing.
      if (hitStart < view.concedes[clauseIndex]!) continue;
      // 以前…，现在…: a `none` phrase of the past rules out nothing after a word of the present.
      const none = noneAt >= 0 && compiled.none ? noneAfterPresent(cues, compiled.none, text, noneAt, hitStart) : noneAt;
      if (none >= 0 && (none < clause.end || !namesOwnSubject(compiled, text, clause.start, clause.end) || namesOtherSubject(compiled, text, clause.end))) continue;
      const polarity = polarityOf(cues, compiled, view, clause, hitStart, hitEnd);
      if (polarity === 'uncertain') continue; // 不一定清零: no value asserted
      let value = polarity === 'negated' ? (hitValue.negation ? compiled.valueByName.get(hitValue.negation) : undefined) : hitValue;
      if (!value || seenValues?.includes(value.name)) continue;
      // 统筹基金不能继承: the clause is about another subject.
      const subject = subjectOf(compiled, view, clauseIndex, hitStart, around, hitEnd, cues.anaphora);
      if (subject.kind === 'other') continue;
      // Read without a subject, a clause whose topic comes from around the sentence is about that topic, not this claim.
      if (unnamed && subject.kind !== 'topic') continue;
      const cued = view.rumourAt >= 0 && view.rumourAt < hitStart;
      // 一条“…清零”的消息在朋友圈流传 / “…”的说法同样不实: a quotation named a report is one.
      const quoted = cued ? undefined : quotedReport(cues, text, hitStart, hitEnd);
      const rumoured = cued || quoted !== undefined;
      const refuted = quoted ? quoted.refuted : view.refuted;
      const endorsed = quoted ? quoted.endorsed : view.endorsed;
      // "网上流传余额会清零，这是谣言": the sentence denies the rumour, so it asserts nothing wrong.
      // …其实单位缴费也有一部分进个人账户: after the correction word the writer speaks for himself, unless a denial follows.
      const corrected = cued && view.correctionAt >= 0 && hitStart >= view.correctionAt && !cues.debunkStrict.test(text.slice(hitEnd));
      if (rumoured && refuted && value.verdict !== 'supports' && !corrected) continue;
      // 医保卡的钱能取现，这是误解 / …的说法已经过时了: refuted, the statement asserts nothing.
      if (!corrected && refutedAfter(cues, view, hitEnd)) continue;
      // 以下说法是错误的：… / 有一种说法不对：…: a judging clause before a colon refutes what follows it.
      if (!corrected && judgedBefore(cues, view, clauseIndex, hitStart)) continue;
      // …减肥、美容等药品，因属于个体需求，均不纳入医保: a later clause opening with 均/都 gives the list's verdict.
      if (cues.listVerdict && laterClauseMatches(cues.listVerdict, view, clauseIndex)) continue;
      const modality = modalityOf(cues, view, clause, hitStart, hitEnd);
      const mention = mentionOf(cues, view, clause, hitStart, hitEnd, around.headingLike === true, modality) || (view.describesMisconduct && value.verdict !== 'supports');
      if (mention === 'quoted') continue;
      if (correctedMisreading(cues, view, clauseIndex, hitStart)) continue;
      // 能取现吗，能的 / 会清零吗 —— 不会: a question answered later in the same sentence.
      const answer = view.asks[clauseIndex] ? answeredInSentence(cues, view, clauseIndex, hitEnd) : undefined;
      if (answer === 'no') {
        const opposite = value.negation ? compiled.valueByName.get(value.negation) : undefined;
        if (!opposite || seenValues?.includes(opposite.name)) continue;
        value = opposite;
      }
      // 余额是否可以全部取出，需根据具体情况办理: a whether-clause inside a statement asks; it asserts neither value.
      const asked = answer === undefined && (asks(view, clauseIndex) || cues.eitherOr.test(text.slice(clause.start, hitStart)));
      const framing: Framing = answer
        ? 'answered'
        : asked
        ? 'question'
        : rumoured && !refuted
          ? endorsed
            ? 'endorsed'
            : 'rumour'
          : mention
            ? reportEndorsed(cues, text, hitEnd) ? 'endorsed' : 'mention'
            : 'plain';
      (seenValues ??= []).push(value.name);
      quantities ??= findQuantities(text, sentence.span.start);
      if (year === null) {
        const m = text.includes('年') ? YEAR.exec(text) : null; // no 年, no year: skip the regex
        year = m ? Number(m[1]) : undefined;
      }
      if (region === null) region = tailRegion?.();
      const scope =
        value.verdict === 'local-rule'
          ? scopeOf(cues, view, () => (region ? namesPlace(region) : false) || (around.placeNamed ?? namesPlace)(text))
          : value.verdict === 'contradicts'
            ? placeBefore(cues, text, labelStart(view, clauseIndex), hitStart, around)
            : undefined;
      // Fields in the order records have always been written (JSON output keeps it).
      const record: Building<ClaimRecord> = {
        file: base.file,
        claimId: compiled.claim.id,
        topic: compiled.claim.topic,
        value: value.name,
        polarity: value === hitValue ? 'affirmed' : 'negated',
        cue: {
          text: text.slice(hitStart, hitEnd),
          span: { start: sentence.span.start + hitStart, end: sentence.span.start + hitEnd },
        },
        quantities,
        // Each record its own copy: consumers may treat it as theirs.
        hedges: view.hedges.slice(),
        framing,
      };
      if (base.region) record.region = base.region;
      if (year !== undefined) record.year = year;
      record.sentence = sentence;
      record.unitIndex = base.unitIndex;
      if (region) record.region = region;
      record.clause = { start: sentence.span.start + clause.start, end: sentence.span.start + clause.end };
      if (subject.text) record.subject = subject.text;
      if (unnamed) record.subjectInferred = true;
      if (modality) record.modality = modality;
      const conditions = conditionsOf(cues, compiled, view, clauseIndex, hitStart, around.heading, hitEnd);
      const asCondition = inConditionClause(cues, view, clauseIndex, hitEnd);
      if (asCondition && !conditions.some((c) => c.kind === 'exception')) conditions.push({ kind: 'condition', text: asCondition });
      record.conditions = conditions;
      if (scope) record.scope = scope;
      // 能否提取 / 会清零吗: unless the next sentence answers it, it asserts no value (see extractArticle).
      if (asked && asksOnlyWhether(view, clauseIndex)) record.asks = 'whether';
      out.push(record as ClaimRecord);
    }
    if (view.endorsed && out.length - claimFrom > 1) unendorseAnswered(compiled, out, claimFrom);
    if (out.length - claimFrom > 1) contrastCorrected(cues, compiled, out, claimFrom, text, sentence.span.start);
    if (unnamed && out.length > claimFrom) unnamedRead = unnamedRead === undefined || unnamedRead === compiled.claim.id ? compiled.claim.id : 'several';
  }
  // 停交以后钱就没了 read for two claims without a subject: the sentence does not say which it is about.
  if (unnamedRead === 'several') {
    for (let k = out.length - 1; k >= before; k--) if (out[k]!.subjectInferred) out.splice(k, 1);
  }
  return out.length - before;
}

/** Whether hit h is joined by 或 (cues `disjunctions`) to another hit of the same claim just before or after it. */
function disjoined(cues: Cues, text: string, h: number, count: number): boolean {
  const orBetween = (gap: string) => cues.disjunction !== undefined && cues.disjunction.test(gap);
  for (let k = 0; k < count; k++) {
    if (k === h || hitValues[k] === hitValues[h]) continue;
    if (hitStarts[k]! >= hitEnds[h]! && hitStarts[k]! - hitEnds[h]! <= 3 && orBetween(text.slice(hitEnds[h]!, hitStarts[k]!))) return true;
    if (hitEnds[k]! <= hitStarts[h]! && hitStarts[h]! - hitEnds[k]! <= 3 && orBetween(text.slice(hitEnds[k]!, hitStarts[h]!))) return true;
  }
  return false;
}

/** Whether a clause after the given one matches (tested on each clause's text). */
function laterClauseMatches(re: RegExp, view: SentenceView, clauseIndex: number): boolean {
  for (let k = clauseIndex + 1; k < view.clauses.length; k++) {
    const c = view.clauses[k]!;
    if (re.test(view.text.slice(c.start, c.end))) return true;
  }
  return false;
}

// Per registry, the claims that may be read from a sentence naming no subject (binding.unnamed).
const unnamedOf = new WeakMap<Registry, readonly CompiledClaim[]>();

function unnamedClaims(registry: Registry): readonly CompiledClaim[] {
  let list = unnamedOf.get(registry);
  if (!list) unnamedOf.set(registry, (list = registry.claims.filter((c) => c.unnamed !== undefined && (c.any !== undefined || c.all.length > 1))));
  return list;
}

/** The claim's trigger: its `any`, or for a claim without one, its second `all` pattern (转移 for the account balance on transfer). */
function triggerIn(c: CompiledClaim, text: string, scanned: boolean): boolean {
  if (!c.any) return c.all.length > 1 && c.all[1]!.test(text);
  return scanned && c.guarded ? someMatch(c.guarded.any, text, sentenceHits) : c.any.test(text);
}

/** Whether some claim read without a subject has its trigger in the sentence (what keeps a sentence the gate would drop). */
function someUnnamedTrigger(registry: Registry, text: string, scanned: boolean): boolean {
  for (const c of unnamedClaims(registry)) if (triggerIn(c, text, scanned)) return true;
  return false;
}

/**
 * binding.unnamed: a sentence that names neither the claim's subject nor
 * another subject (the claim's `binding.others`, its `none`, the cue list
 * `unnamedSubjects`: 年限, 待遇, 公积金…) but has the claim's trigger and
 * every later `all` pattern is read for the claim; the verdict makes it a
 * warning at most. Not for an answer read with its question: that question
 * names the subject or nothing is inferred.
 */
function readsUnnamed(c: CompiledClaim, cues: Cues, text: string, around: SentenceSurroundings, scanned: boolean): boolean {
  if (c.unnamed === undefined || around.question !== undefined || around.readFrom !== undefined) return false;
  if (!triggerIn(c, text, scanned)) return false;
  for (let k = 1; k < c.all.length; k++) if (!c.all[k]!.test(text)) return false;
  if (testOnce(c.subject, text) || (c.otherSubjects !== undefined && testOnce(c.otherSubjects, text))) return false;
  if (c.none?.test(text)) return false;
  return !(cues.unnamedSubjects && testOnce(cues.unnamedSubjects, text));
}

/**
 * 网上说停缴会清零，我家停了半年余额还在: a reported value followed in the same
 * sentence by the claim's supported value is not endorsed by the writer,
 * whatever endorsement-like words stand between; it stays a report (a value
 * that supports was read after it, perhaps wrongly, so it is not dropped either).
 */
function unendorseAnswered(compiled: CompiledClaim, out: ClaimRecord[], from: number): void {
  const supports = (r: ClaimRecord) => compiled.valueByName.get(r.value)?.verdict === 'supports';
  let lastSupport = -1;
  for (let k = from; k < out.length; k++) if (supports(out[k]!)) lastSupport = Math.max(lastSupport, out[k]!.cue.span.start);
  if (lastSupport < 0) return;
  for (let k = from; k < out.length; k++) {
    const r = out[k]!;
    if (r.framing === 'endorsed' && !supports(r) && r.cue.span.end <= lastSupport) out[k] = { ...r, framing: 'rumour' };
  }
}

/**
 * 社保卡里的钱不能直接给家人交医保，但可以通过家庭共济的方式…: a wrong value followed, in a later
 * clause opened by 但/不过 (cues `contrastOpenings`), by the value the registry holds is narrowed by the writer (the manner,
 * not the rule, was denied); it keeps a `contrast` condition, which makes it a warning.
 */
function contrastCorrected(cues: Cues, compiled: CompiledClaim, out: ClaimRecord[], from: number, text: string, offset: number): void {
  if (!cues.contrastOpening) return;
  for (let k = from; k < out.length; k++) {
    const s = out[k]!;
    if (compiled.valueByName.get(s.value)?.verdict !== 'supports') continue;
    const clauseText = text.slice(s.clause.start - offset, s.clause.end - offset);
    if (!cues.contrastOpening.test(clauseText)) continue;
    for (let j = from; j < out.length; j++) {
      const r = out[j]!;
      if (j === k || r.cue.span.end > s.clause.start || compiled.valueByName.get(r.value)?.verdict === 'supports') continue;
      if (r.conditions.some((c) => c.kind === 'contrast')) continue;
      out[j] = { ...r, conditions: [...r.conditions, { kind: 'contrast', text: clauseText.trim() }] };
    }
  }
}

/** …清零的说法属实: a report named right after the phrase and endorsed after that asserts the value. */
function reportEndorsed(cues: Cues, text: string, end: number): boolean {
  const noun = cues.reportNoun?.exec(text.slice(end));
  if (!noun) return false;
  const stance = stanceOf(cues, text.slice(end + noun[0].length));
  return stance.endorsed && !stance.refuted;
}

/** A record while its fields are being set, in output order. */
type Building<T> = { -readonly [K in keyof T]?: T[K] };

function isAbout(c: CompiledClaim, text: string, around: SentenceSurroundings, anaphora?: RegExp, none = true): boolean {
  // Cheapest and most selective first: most sentences fail the `all` patterns.
  if (c.all.length && !c.all[0]!.test(text)) return inheritsSubject(c, text, around, anaphora, none);
  for (let k = 1; k < c.all.length; k++) if (!c.all[k]!.test(text) && !laterFromSurroundings(c, k, text, around)) return false;
  if (c.any && !c.any.test(text)) {
    if (!(around.heading && c.any.test(around.heading)) && !(around.unitTitle && c.any.test(around.unitTitle)) && !(around.previous && c.any.test(around.previous))) return false;
  }
  return !none || !c.none?.test(text);
}

/** Whether text[from, to) names the claim's own subject (a clause that says what it is about). */
function namesOwnSubject(c: CompiledClaim, text: string, from: number, to: number): boolean {
  return testOnce(c.subject, text.slice(from, to));
}

/** Whether the text from `from` on names another subject the claim's binding lists. */
function namesOtherSubject(c: CompiledClaim, text: string, from: number): boolean {
  return c.otherSubjects !== undefined && testOnce(c.otherSubjects, text.slice(from));
}

/**
 * Where the claim's first `none` phrase starts in the sentence, or -1. The
 * reader drops the values from that phrase's clause on (the whole sentence
 * when it opens with one); `registry coverage` counts a sentence with one as
 * not about the claim.
 */
function firstNone(c: CompiledClaim, text: string, hits: ScanHits | undefined): number {
  if (!c.none) return -1;
  if (hits && c.guarded && !someMatch(c.guarded.none, text, hits)) return -1;
  const m = c.none.exec(text);
  return m ? m.index : -1;
}

/**
 * The claims a sentence is about (its context matches, or it inherits its
 * subject), whether or not a value was read: what `registry coverage` counts.
 */
export function claimsAbout(registry: Registry, text: string, around: SentenceSurroundings): CompiledClaim[] {
  return registry.claims.filter((c) => isAbout(c, text, around) || Boolean(around.question && answersAbout(c, text, around.question)));
}

/**
 * A sentence that does not name the claim's subject (its first `all`
 * pattern) is still about it when the heading or unit title does and the
 * sentence itself names the claim's trigger (`any`) and every other `all`
 * pattern: a list line "仅能绑定配偶、父母、子女" under "家庭共济的范围". Only one
 * of subject and trigger may come from around the sentence.
 */
function inheritsSubject(c: CompiledClaim, text: string, around: SentenceSurroundings, anaphora?: RegExp, none = true): boolean {
  if (around.question && answersAbout(c, text, around.question, none)) return true;
  if (!c.all.length) return false;
  if (!c.any) {
    // A claim without a trigger (居民医保 + 个人账户): its subject may be inherited only by a word
    // standing for it (居民医保…。它也有个人账户), with every other `all` pattern in the sentence.
    if (c.all.length < 2 || !anaphora || !testOnce(anaphora, text)) return false;
    if (headingRulesOut(c, around)) return false;
    if (!surroundingsName(c, around) && !(around.previous && c.all[0]!.test(around.previous))) return false;
    for (let k = 1; k < c.all.length; k++) if (!c.all[k]!.test(text)) return false;
    return !none || !c.none?.test(text);
  }
  // The surroundings first: they change rarely and are tested once per claim while they stay.
  // The sentence before may name the subject too (如果停交…；如果超过6个月，…1年后再享受).
  if (!c.any.test(text)) return false;
  if (headingRulesOut(c, around)) return false;
  if (!surroundingsName(c, around) && !(around.previous && c.all[0]!.test(around.previous))) return false;
  for (let k = 1; k < c.all.length; k++) if (!c.all[k]!.test(text) && !inSurroundings(c.all[k]!, around)) return false;
  return !none || !c.none?.test(text);
}

/**
 * A sentence that takes its subject from around it is about the section it is in: under a
 * heading that names what the claim leaves out (二、城乡居民医疗保险 for the retiree's
 * contributions), it is about that, not the claim.
 */
function headingRulesOut(c: CompiledClaim, around: SentenceSurroundings): boolean {
  return around.heading !== undefined && c.none !== undefined && c.none.test(around.heading);
}

function inSurroundings(re: RegExp, around: SentenceSurroundings): boolean {
  return Boolean((around.heading && re.test(around.heading)) || (around.unitTitle && re.test(around.unitTitle)));
}

/**
 * A later `all` pattern (医保 in 退休 + 医保) may come from the heading or
 * title when the sentence itself names the subject and the claim's trigger
 * (若退休后…可申请转移 under a page about 医保).
 */
function laterFromSurroundings(c: CompiledClaim, k: number, text: string, around: SentenceSurroundings): boolean {
  return k > 0 && c.any !== undefined && c.any.test(text) && inSurroundings(c.all[k]!, around);
}

/** An answer and the question before it are read together for the claim's context (值 phrases come from the answer only). */
function answersAbout(c: CompiledClaim, text: string, question: string, none = true): boolean {
  for (const re of c.all) if (!re.test(text) && !re.test(question)) return false;
  if (c.any && !c.any.test(text) && !c.any.test(question)) return false;
  return !none || !c.none?.test(text);
}

// Per claim, whether the current heading or unit title names its subject; redone when they change.
let namedFor: { heading: string | undefined; title: string | undefined; named: WeakMap<CompiledClaim, boolean> } = {
  heading: undefined,
  title: undefined,
  named: new WeakMap(),
};

function surroundingsName(c: CompiledClaim, around: SentenceSurroundings): boolean {
  if (namedFor.heading !== around.heading || namedFor.title !== around.unitTitle) {
    namedFor = { heading: around.heading, title: around.unitTitle, named: new WeakMap() };
  }
  let named = namedFor.named.get(c);
  if (named === undefined) {
    const subject = c.all[0]!;
    named = Boolean((around.heading && subject.test(around.heading)) || (around.unitTitle && subject.test(around.unitTitle)));
    namedFor.named.set(c, named);
  }
  return named;
}

const subjectGates = new WeakMap<Registry, { text: string | undefined; heading: string | undefined; named: boolean }>();

/** Whether the heading or unit title names some claim's subject (cached for the last surroundings). */
/**
 * A sentence with none of the subjects' words may still take its subject from
 * the question it answers, the heading, the unit title or the sentence before
 * (停交两个月以内的，可以补交；超过半年的，只能重新参保…): the same with or without a scanner.
 */
function mayInheritSubject(registry: Registry, around: SentenceSurroundings): boolean {
  if (around.question) return true;
  if (surroundingsNameSubject(registry, around)) return true;
  return around.previous !== undefined && registry.gate !== undefined && gateMatches(registry, around.previous, 2);
}

function surroundingsNameSubject(registry: Registry, around: SentenceSurroundings): boolean {
  if (!registry.gate) return true;
  const last = subjectGates.get(registry);
  if (last && last.text === around.unitTitle && last.heading === around.heading) return last.named;
  const named = Boolean((around.heading && gateMatches(registry, around.heading, 0)) || (around.unitTitle && gateMatches(registry, around.unitTitle, 1)));
  subjectGates.set(registry, { text: around.unitTitle, heading: around.heading, named });
  return named;
}

/**
 * registry.gate on a heading (kind 0), unit title (kind 1) or the sentence before (kind 2). The scanner's
 * gate list has a string that every match of the gate needs (the sentence gate
 * relies on the same), so a text without one is settled without the regex.
 */
function gateMatches(registry: Registry, text: string, kind: 0 | 1 | 2): boolean {
  if (registry.scanGate !== undefined && registry.scanner && !surroundingsScanned(registry.scanner, kind, text).has(registry.scanGate)) return false;
  return registry.gate!.test(text);
}

// What the registry's scanner found in the sentence being read, and in the
// heading and unit title around it. Extraction is synchronous, so one set
// serves every call; the surroundings stay the same over many sentences in a
// row and are scanned again only when they change.
const sentenceHits = new ScanHits();
const surroundingHits = [new ScanHits(), new ScanHits(), new ScanHits()] as const;
const surroundingText: [string | undefined, string | undefined, string | undefined] = [undefined, undefined, undefined];
let surroundingScanner: LiteralScanner | undefined;

let firstsOf: Registry | undefined;
let firstsCache: Int32Array = new Int32Array(0);

/** Per claim, a scanner list its first `all` pattern needs (-1: none). Kept for the last registry used. */
function firstListsOf(registry: Registry): Int32Array {
  if (firstsOf !== registry) {
    firstsOf = registry;
    firstsCache = Int32Array.from(registry.claims, (c) => c.guarded?.all[0]?.lists[0] ?? -1);
  }
  return firstsCache;
}

/** isAbout for a sentence the registry's scanner has just read: most patterns are settled by a lookup. */
function isAboutScanned(c: CompiledClaim, text: string, around: SentenceSurroundings, scanner: LiteralScanner, anaphora?: RegExp): boolean {
  const g = c.guarded!;
  // As in isAbout: without the subject in the sentence, it may still inherit it (heading, title, sentence before).
  if (g.all.length && !passes(g.all[0]!, text, sentenceHits)) return inheritsSubject(c, text, around, anaphora, false);
  for (let k = 1; k < g.all.length; k++) if (!passes(g.all[k]!, text, sentenceHits) && !laterFromSurroundings(c, k, text, around)) return false;
  // `none` is settled per clause by the reader (firstNone).
  if (!c.any || someMatch(g.any, text, sentenceHits)) return true;
  return surroundingsAbout(c, around, scanner);
}

/** Whether a claim's `any` matches the heading or the unit title. */
function surroundingsAbout(c: CompiledClaim, around: SentenceSurroundings, scanner: LiteralScanner): boolean {
  const g = c.guarded!;
  const { heading, unitTitle } = around;
  return (
    (heading !== undefined && heading !== '' && someMatch(g.any, heading, surroundingsScanned(scanner, 0, heading))) ||
    (unitTitle !== undefined && unitTitle !== '' && someMatch(g.any, unitTitle, surroundingsScanned(scanner, 1, unitTitle))) ||
    // The sentence before (停交以后…。余额会清零。): tested by regex, it changes with every sentence.
    (around.previous !== undefined && c.any !== undefined && c.any.test(around.previous))
  );
}

function passes(p: GuardedPattern, text: string, hits: ScanHits): boolean {
  if (!allPresent(p.lists, hits)) return false;
  return p.exact || p.re.test(text);
}

/** Whether the scanned text has a string of every list starting at or after `from`. */
function allFrom(lists: readonly number[], from: number, hits: ScanHits): boolean {
  for (let k = 0; k < lists.length; k++) if (!hits.hasFrom(lists[k]!, from)) return false;
  return true;
}

/** Whether the scanned text has a string of every list. */
function allPresent(lists: readonly number[], hits: ScanHits): boolean {
  for (let k = 0; k < lists.length; k++) if (!hits.has(lists[k]!)) return false;
  return true;
}

/** A union of patterns matches when one of its parts does. */
function someMatch(parts: readonly GuardedPattern[], text: string, hits: ScanHits): boolean {
  for (let k = 0; k < parts.length; k++) if (passes(parts[k]!, text, hits)) return true;
  return false;
}

// The text last scanned into sentenceHits (by the scanner surroundingScanner when it is set).
let lastScanned: string | undefined;

function keepForSurroundings(scanner: LiteralScanner, around: SentenceSurroundings): void {
  if (lastScanned === undefined) return;
  if (surroundingScanner !== scanner) {
    surroundingScanner = scanner;
    surroundingText[0] = surroundingText[1] = surroundingText[2] = lastScanned = undefined;
    return;
  }
  if (around.heading === lastScanned && surroundingText[0] !== lastScanned) {
    surroundingHits[0].copy(sentenceHits);
    surroundingText[0] = lastScanned;
  }
  if (around.unitTitle === lastScanned && surroundingText[1] !== lastScanned) {
    surroundingHits[1].copy(sentenceHits);
    surroundingText[1] = lastScanned;
  }
}

/** The scan of the heading (kind 0), unit title (kind 1) or sentence before (kind 2), redone only when the text or registry changes. */
function surroundingsScanned(scanner: LiteralScanner, kind: 0 | 1 | 2, text: string): ScanHits {
  if (surroundingScanner !== scanner) {
    surroundingScanner = scanner;
    surroundingText[0] = surroundingText[1] = surroundingText[2] = lastScanned = undefined;
  }
  const hits = surroundingHits[kind];
  if (surroundingText[kind] !== text) {
    scanner.scan(text, hits);
    surroundingText[kind] = text;
  }
  return hits;
}

// The phrase hits of the claim being read, as parallel arrays reused for
// every claim (phraseHits fills them; they are read before its next call).
const hitValues: CompiledValue[] = [];
const hitStarts: number[] = [];
const hitEnds: number[] = [];

/**
 * Every phrase of every value, overlaps resolved: earliest first, then
 * longest. Fills hitValues/hitStarts/hitEnds and returns how many hits.
 */
function phraseHits(c: CompiledClaim, cues: Cues, text: string, hits: ScanHits | undefined, questionEnd: number): number {
  let n = 0;
  // The sentence with each either-or form cut to its part after 不/没 (能不能 → 能), found on the first phrase hit.
  let asked: string | null | undefined;
  for (const value of c.values) {
    // None of the strings every match needs is in the sentence.
    if (hits && value.phraseLists && !allPresent(value.phraseLists, hits)) continue;
    // After a match, another needs a string of each list starting at or after its end.
    const lists = hits && value.phraseListsInMatch ? value.phraseLists : undefined;
    // exec with lastIndex, not matchAll: matchAll copies the regex on every call.
    const re = value.phrases;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = lists && !allFrom(lists, re.lastIndex, hits!) ? null : re.exec(text)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      // A quantity test failing here lets another value's phrase claim the same text.
      if (value.when && !quantityPasses(value.when, findQuantities(m[0]), value.verdict === 'contradicts')) continue;
      // A phrase never runs across a question mark: the question and its answer are read apart (跨省共济？目前还不支持).
      if (ACROSS_QUESTION.test(m[0])) continue;
      // 统筹基金能不能报销: a phrase that takes the 不能 of an either-or form as its own (…不能报销) reads
      // nothing the question asserts; it counts only when it matches the form cut to what is asked.
      if (asked === undefined) asked = askedForm(cues, text);
      if (asked !== null && !matchesWithin(re, asked, m.index, m.index + m[0].length)) continue;
      n = addHit(n, value, m.index, m.index + m[0].length);
    }
    re.lastIndex = 0;
    for (const frame of value.frames) n = frameHits(n, c, cues, value, frame, text, hits, questionEnd);
  }
  // Drop hits overlapping the one kept before them, and hits that start inside
  // an either-or form: 有没有个人账户 asks, its 没有个人账户 is no phrase of “none”.
  const eitherOr = n > 0 ? eitherOrSpans(cues, text) : NO_SPANS;
  let kept = 0;
  for (let k = 0; k < n; k++) {
    if (eitherOr.length && startsInside(eitherOr, hitStarts[k]!, text)) continue;
    if (kept > 0 && hitStarts[k]! < hitEnds[kept - 1]!) continue;
    hitValues[kept] = hitValues[k]!;
    hitStarts[kept] = hitStarts[k]!;
    hitEnds[kept] = hitEnds[k]!;
    kept++;
  }
  return kept;
}

/**
 * The text with each either-or form blanked up to and including its 不/没 (能不能报销 → ␀␀能报销, same
 * length), or null when it has none: the form read as the thing it asks.
 */
function askedForm(cues: Cues, text: string): string | null {
  const spans = eitherOrSpans(cues, text);
  if (spans.length === 0) return null;
  let out = '';
  let from = 0;
  for (let i = 0; i < spans.length; i += 2) {
    const form = text.slice(spans[i]!, spans[i + 1]!);
    const cut = Math.max(form.lastIndexOf('不'), form.lastIndexOf('没')) + 1;
    out += text.slice(from, spans[i]!) + '\u0000'.repeat(cut) + form.slice(cut);
    from = spans[i + 1]!;
  }
  return out + text.slice(from);
}

/** Whether the global regex matches `text` starting within [start, end): the same hit, read on another view. */
function matchesWithin(re: RegExp, text: string, start: number, end: number): boolean {
  const saved = re.lastIndex;
  re.lastIndex = start;
  const m = re.exec(text);
  re.lastIndex = saved;
  return m !== null && m.index < end;
}

const NO_SPANS: readonly number[] = [];
const ACROSS_QUESTION = /[？?]/u;

/** Start and end offsets, flattened, of the either-or forms (有没有, 能不能, 是不是) in `text`. */
function eitherOrSpans(cues: Cues, text: string): readonly number[] {
  const re = cues.eitherOrAll;
  re.lastIndex = 0;
  let out: number[] | undefined;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) re.lastIndex++;
    else (out ??= []).push(m.index, m.index + m[0].length);
  }
  re.lastIndex = 0;
  return out ?? NO_SPANS;
}

/**
 * Whether `at` falls inside one of the spans, not at its start — nor where its
 * part after the 不/没 begins: 要不要|自己交 and 有没|有个人账户 are the thing
 * asked, read as a question (有没|有个人账户 is no phrase of 没有个人账户).
 */
function startsInside(spans: readonly number[], at: number, text: string): boolean {
  for (let i = 0; i < spans.length; i += 2) {
    if (!(spans[i]! < at && at < spans[i + 1]!)) continue;
    const form = text.slice(spans[i]!, spans[i + 1]!);
    if (at !== spans[i]! + Math.max(form.lastIndexOf('不'), form.lastIndexOf('没')) + 1) return true;
  }
  return false;
}

/** Inserts a hit, stable (hits with the same span stay in value order): start ascending, then end descending. */
function addHit(n: number, value: CompiledValue, start: number, end: number): number {
  let k = n;
  while (k > 0 && (hitStarts[k - 1]! > start || (hitStarts[k - 1] === start && hitEnds[k - 1]! < end))) {
    hitValues[k] = hitValues[k - 1]!;
    hitStarts[k] = hitStarts[k - 1]!;
    hitEnds[k] = hitEnds[k - 1]!;
    k--;
  }
  hitValues[k] = value;
  hitStarts[k] = start;
  hitEnds[k] = end;
  return n + 1;
}

/** Where the clause holding `at` ends: a frame's parts after its anchor stay in that clause. */
const CLAUSE_END = /[，,。；;！？!?：:]/gu;

/**
 * A frame's anchors whose parts occur around them: before the anchor in its
 * own clause or the clause just before it (职工每个月工资里，要扣一笔生育保险费),
 * or in the question joined before its answer, and after it up to the end of
 * its clause. Farther back is another statement: a scraped rate table run
 * into one line (养老保险 个人8% 生育保险 单位0.8%) is not one clause.
 * Polarity, subject and framing are read at the anchor like any phrase's; a
 * negator between the anchor and a part after it (生育保险个人不缴费) denies the
 * frame, and a denied frame is no hit (a phrase of the other value reads it).
 */
function frameHits(n: number, claim: CompiledClaim, cues: Cues, value: CompiledValue, frame: CompiledFrame, text: string, hits: ScanHits | undefined, questionEnd: number): number {
  if (hits && frame.anchorLists && !allPresent(frame.anchorLists, hits)) return n;
  const re = frame.anchor;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const start = m.index, end = start + m[0].length;
    if (value.when && !quantityPasses(value.when, findQuantities(m[0]), value.verdict === 'contradicts')) continue;
    CLAUSE_END.lastIndex = end;
    const stop = CLAUSE_END.exec(text)?.index ?? text.length;
    const window = text.slice(0, stop);
    const reach = { from: previousClauseStart(text, start), questionEnd, start, end };
    let lastPart = end;
    const firstClause = clauseStart(text, start);
    // A part lent by the clause before: what stands before it there (its agent) is looked at too.
    let lent: [number, number] | undefined;
    const found = frame.with.every((w) => {
      const at = partAround(w, window, reach);
      if (at !== undefined && at > lastPart) lastPart = at;
      if (at !== undefined && at === start && !partInClause(w, window, reach, firstClause)) {
        const from = partBefore(w, window, reach);
        if (!lent || from < lent[1]) lent = [clauseStart(text, from), from];
      }
      return at !== undefined;
    });
    if (!found) continue;
    // The words a frame rules out are looked for in its clause and, when the clause before lent it
    // a part, before that part there (单位没有按时给职工缴医保，要…多交万分之五: 职工 is the employer's
    // object; 单位那份大头进统筹，小头返到个人账户: 统筹 after the part is another statement).
    // 备不备案 holds 不备案 but rules nothing out: either-or forms are masked first.
    if (frame.without && frame.without.test(maskEitherOr(cues, window.slice(firstClause)))) continue;
    if (frame.without && lent && frame.without.test(maskEitherOr(cues, text.slice(lent[0], lent[1])))) continue;
    if (!negatedBetween(cues, claim, text, end, lastPart)) n = addHit(n, value, start, end);
  }
  re.lastIndex = 0;
  return n;
}

/** Where the clause holding `at` starts (just after the delimiter before it). */
function clauseStart(text: string, at: number): number {
  for (let i = at - 1; i >= 0; i--) if (CLAUSE_DELIMITERS.has(text[i]!)) return i + 1;
  return 0;
}
const CLAUSE_DELIMITERS = new Set('，,。；;！？!?：:');

/**
 * Where the clause before the one holding `at` starts. Whitespace counts as a
 * break here too: in scraped pages it separates table cells and list items.
 */
function previousClauseStart(text: string, at: number): number {
  let breaks = 0;
  for (let i = at - 1; i >= 0; i--) {
    const ch = text[i]!;
    const isBreak = CLAUSE_DELIMITERS.has(ch) || (/\s/u.test(ch) && i > 0 && !/\s/u.test(text[i - 1]!));
    if (isBreak && ++breaks === 2) return i + 1;
  }
  return 0;
}

interface PartReach {
  /** Parts before the anchor start here or later… */
  readonly from: number;
  /** …or end inside the question joined before the answer. */
  readonly questionEnd: number;
  readonly start: number;
  readonly end: number;
}

/**
 * Whether a frame part occurs within reach of the anchor without being the
 * anchor itself: undefined if not, else where the found part starts when it
 * is after the anchor (the anchor's start when it is before it).
 */
function partAround(part: RegExp, window: string, reach: PartReach): number | undefined {
  part.lastIndex = 0;
  let found: number | undefined;
  for (let m = part.exec(window); m && found === undefined; m = part.exec(window)) {
    if (m[0].length === 0) part.lastIndex++;
    else {
      const partEnd = m.index + m[0].length;
      if (partEnd <= reach.start && (m.index >= reach.from || partEnd <= reach.questionEnd)) found = reach.start;
      else if (m.index >= reach.end) found = m.index;
    }
  }
  part.lastIndex = 0;
  return found;
}

/** Whether a part occurs in the anchor's own clause, outside the anchor: then the clause before lends it nothing. */
function partInClause(part: RegExp, window: string, reach: PartReach, clause: number): boolean {
  part.lastIndex = 0;
  let found = false;
  for (let m = part.exec(window); m && !found; m = part.exec(window)) {
    if (m[0].length === 0) part.lastIndex++;
    else if ((m.index >= clause && m.index + m[0].length <= reach.start) || m.index >= reach.end) found = true;
  }
  part.lastIndex = 0;
  return found;
}

/** Where the first match of a part found before the anchor (by partAround) starts. */
function partBefore(part: RegExp, window: string, reach: PartReach): number {
  part.lastIndex = 0;
  let at = reach.start;
  for (let m = part.exec(window); m; m = part.exec(window)) {
    if (m[0].length === 0) {
      part.lastIndex++;
      continue;
    }
    const partEnd = m.index + m[0].length;
    if (partEnd <= reach.start && (m.index >= reach.from || partEnd <= reach.questionEnd)) {
      at = m.index;
      break;
    }
  }
  part.lastIndex = 0;
  return at;
}

/**
 * Calendar durations in months, so a test written in months reads 一年 and
 * 九十天 too (working days are not calendar time and are not converted).
 */
const MONTHS_PER: Readonly<Record<string, number>> = { month: 1, year: 12, day: 1 / 30, week: 7 / 30 };

function inUnit(q: Quantity, unit: string | undefined): { lo: number; hi: number } | undefined {
  const hi = q.max ?? q.value;
  if (unit === undefined || q.unit === unit) return { lo: q.value, hi };
  if (q.kind !== 'duration' || MONTHS_PER[q.unit ?? ''] === undefined || MONTHS_PER[unit] === undefined) return undefined;
  const f = MONTHS_PER[q.unit!]! / MONTHS_PER[unit]!;
  return { lo: q.value * f, hi: hi * f };
}

/** 六个多月, 二十余天: the stated number is the range's open low end (more than six months). */
const ROUGH_OVER = /[多余]/u;

/**
 * Whether a quantity passes a value's test. A range or a rough figure (四到八个月, 五六个月,
 * 一个多月) passes when part of it does, unless `whole`: a value that contradicts the registry
 * is read only when all of the range does (等四到八个月 is not a fixed wait over six months,
 * since four to six months is within the ceiling), for a range is no assertion of its top.
 */
export function quantityPasses(test: QuantityTest, quantities: readonly Quantity[], whole = false): boolean {
  return quantities.some((q) => {
    if (q.kind !== test.kind) return false;
    const v = inUnit(q, test.unit);
    if (!v) return false;
    const { lo, hi } = v;
    if (test.eq !== undefined && !(lo === test.eq && hi === test.eq)) return false;
    // The part of the range a test looks at: its top for a lower limit, its bottom for an upper one;
    // with `whole`, both ends.
    const openLow = whole && q.max !== undefined && ROUGH_OVER.test(q.text);
    const low = whole ? lo : hi, high = whole ? hi : lo;
    if (test.gt !== undefined && !(hi > test.gt && (low > test.gt || (openLow && low >= test.gt)))) return false;
    if (test.gte !== undefined && !(hi >= test.gte && low >= test.gte)) return false;
    if (test.lt !== undefined && !(lo < test.lt && high < test.lt)) return false;
    if (test.lte !== undefined && !(lo <= test.lte && high <= test.lte)) return false;
    return true;
  });
}

