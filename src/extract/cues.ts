import { DataFileError, loadDataFile } from '../data-file.js';
import { packagePath } from '../paths.js';
import { expandClauseEnd } from '../text/clause-end.js';
import { charClass, escapeClassChars, escapeRegExp, wordAlternation } from '../text/regex.js';

/**
 * Compiled cue lists from data/cues.yaml (see that file for what each list
 * does). Every regex is compiled once per run; `g` flags are for scans with
 * lastIndex, `y`-less anchors are written into the patterns.
 */
export interface Cues {
  readonly clauseConjunction: RegExp;
  /** Negators (global): counted before a value phrase in its clause. */
  readonly negator: RegExp;
  /** Any first character of a negator: a scope without one has no negation to count. */
  readonly negatorStart: RegExp;
  /** Words with a negator inside that do not negate (global). */
  readonly notNegator: RegExp;
  /** Where a negator's reach ends (global). */
  readonly scopeBreaker: RegExp;
  /** A clause set before an event (在领失业金之前，): another time when the event is the claim's situation. Absent: none. */
  readonly beforeEvent?: RegExp | undefined;
  /** Words holding a breaker's character that end no scope (随便, 就医), global. Absent: none. */
  readonly notScopeBreaker?: RegExp | undefined;
  /** A negator before a cause, ending where a scope breaker follows it (并不会因为…就): that breaker ends nothing. Absent: none. */
  readonly negatedCause?: RegExp | undefined;
  /** Tested on the text right after a value phrase, to its clause end. */
  readonly deniedAfter: RegExp;
  readonly deniedBefore: RegExp;
  /** Tested on the clause after a value phrase's clause. */
  readonly deniedNext: RegExp;
  /** Tested on the clause after a value phrase's clause: it calls what it follows a misconception (…，这是误解). Absent: none. */
  readonly refutedNext?: RegExp | undefined;
  /** Tested right after a value phrase, to its clause end: it calls the report it ends a misconception (…的说法已经过时了). Absent: none. */
  readonly refutedAfter?: RegExp | undefined;
  /** Tested on the rest of a value phrase's clause: a refutation closes it (…是不对的). Absent: none. */
  readonly refutedEnd?: RegExp | undefined;
  /**
   * A judging clause, tested on a whole clause: its subject is the statement (这/说法/这么说/nothing)
   * and its predicate judges it false (不对, 站不住, 纯属臆测, 没这种事); see judging.ts. Absent: none.
   */
  readonly judging?: RegExp | undefined;
  /** A clause that is only such a subject (这个说法，…): the judgement may follow in the next clause. Absent: none. */
  readonly judgingSubject?: RegExp | undefined;
  /** Tested right after a value phrase: the phrase names a thing (取出来的方法). */
  readonly mentionAfter: RegExp;
  /** A clause opening with 均/都 + a denial (均不纳入医保): the verdict on a list before it. */
  readonly listVerdict?: RegExp | undefined;
  /** A heading naming the cases something is allowed in (可提取的情形): the lines under it list those cases. */
  readonly limitingHeading?: RegExp | undefined;
  /** A concession's opening word (即便, 哪怕): negators from it on belong to the concession. */
  readonly concessionOpening?: RegExp | undefined;
  /** The words a main clause after a concession opens with (仍可用, 也能用), anchored at the phrase. */
  readonly concessionMain?: RegExp | undefined;
  /** A clause opening with 但/不过: a contrast after a statement. */
  readonly contrastOpening?: RegExp | undefined;
  /** The whole gap between two value phrases that names them as alternatives (或, 或者). */
  readonly disjunction?: RegExp | undefined;
  /** A clause opened by 关于/有关: a value phrase in it without a modal names the topic. */
  readonly topicOpening?: RegExp | undefined;
  readonly uncertain: RegExp;
  readonly eitherOr: RegExp;
  readonly eitherOrClause: RegExp;
  /** Either-or words and A-not-A forms together (global), for masking negators. */
  readonly eitherOrAll: RegExp;
  readonly questionParticle: RegExp;
  /** 不管/无论 before an either-or form: it concedes (whether or not), it does not ask. Absent: none. */
  readonly concessiveBefore?: RegExp | undefined;
  /** Tested right after an either-or form (and on the clause after it): 都/也 make it concede (备不备案都得…). Absent: none. */
  readonly concessiveAfter?: RegExp | undefined;
  readonly questionWord: RegExp;
  /** Whole-sentence question test (the facts stage skips questions). */
  readonly question: RegExp;
  readonly answerYes: RegExp;
  readonly answerNo: RegExp;
  readonly rumour: RegExp;
  /** Report cues that call what they report false themselves (误以为, 有谣言称), anchored both ends. Absent: none. */
  readonly selfRefutingReport?: RegExp | undefined;
  readonly debunk: RegExp;
  /** Correction words among the debunk cues (其实, 实际上): what follows is the writer's own claim. Absent: none. */
  readonly correction?: RegExp | undefined;
  /** The debunk cues without the correction words (谣言, 不对…). */
  readonly debunkStrict: RegExp;
  readonly endorse: RegExp;
  /** Endorse words (global) and endorsement patterns (global): every endorsement in a reply, to find and mask them. */
  readonly endorseAll: RegExp;
  /** An endorse word followed by one of these is no endorsement (确实不会, 的确没有). */
  readonly endorseDenied: RegExp;
  /** Markers that open an answer (答：, ——, A:) and are taken off before it is read. */
  readonly answerMarker?: RegExp | undefined;
  /** An answer opening with a correction (不对，是… / 不是三个月，是…), anchored. Absent: none. */
  readonly correctionAnswer?: RegExp | undefined;
  /** A rhetorical question that endorses (谁说不是呢): the clause asks nothing. Absent: none. */
  readonly rhetorical?: RegExp | undefined;
  /** A clause opening a rhetorical question (难道…, 谁说…): it asserts the opposite of what it asks. Absent: none. */
  readonly rhetoricalAsk?: RegExp | undefined;
  /** Right after a value phrase, a noun naming a report (…的说法属实). Absent: none. */
  readonly reportNoun?: RegExp | undefined;
  /** An answer opening with an explanation (因为…). Absent: none. */
  readonly answerBecause?: RegExp | undefined;
  /** Question words a bare answer fills (多久？一年。), global. Absent: none. */
  readonly answerSlot?: RegExp | undefined;
  /** Words that stand for a subject named before (这笔钱, 里面的钱, 它). Absent: none. */
  readonly anaphora?: RegExp | undefined;
  /** Subjects of other schemes' rules (生育津贴, 公积金): a sentence naming one does not take the subject of the sentence before. */
  readonly otherRuleSubjects?: RegExp | undefined;
  /** Subjects no claim reads without naming (年限, 待遇, 公积金): a sentence with one is not read from trigger and value alone. */
  readonly unnamedSubjects?: RegExp | undefined;
  /** Words of a condition that restate who the claim is about or a need anyone has (你, 自己, 急用钱). Absent: none. */
  readonly generalCondition?: RegExp | undefined;
  /** Words naming the insurance itself (医保, 医疗保险): a condition naming only these and the claim's subject restates no situation of the claim. Absent: none. */
  readonly schemeWord?: RegExp | undefined;
  /** The same words, to tell a context match that is only one of them. */
  readonly schemeWords?: ReadonlySet<string> | undefined;
  /** Figures a 只有 clause may name and still only restate the claim's situation (global). Absent: none. */
  readonly conditionParameter?: RegExp | undefined;
  /** A clause before the phrase opening with 只有/除非: it limits the value to its case. Absent: none. */
  readonly limitingStart?: RegExp | undefined;
  /** A limiting phrase that only frames a situation (在…的情况下): the claim's own situation does not limit it. */
  readonly situationFrame?: RegExp | undefined;
  /** The sentence describes misconduct: its wrong values are mentions. */
  readonly misconduct: RegExp;
  readonly conditionStart: RegExp;
  readonly conditionEnd: RegExp;
  /** A clause ending in 的 that states (个人账户的钱可以取现的，): no relative condition. Absent: none. */
  readonly statementEnd?: RegExp | undefined;
  readonly limiting: RegExp;
  /** A clause after the value that limits it (…，仅限出国定居的): an exception named there is the value's. Absent: none. */
  readonly limitingAfter?: RegExp | undefined;
  readonly time: RegExp;
  readonly past: RegExp;
  /** The past inside a frame's span, between its topic and its verb (单位缴费以往会…, 曾有一部分…). Absent: none. */
  readonly pastInside?: RegExp | undefined;
  /** After the phrase, a word of the present saying the past still holds (现在也一样): no history apart. Absent: none. */
  readonly presentSame?: RegExp | undefined;
  /** An opening that is the past only before a word of the present later in the sentence (原来只能本人用，现在…). */
  readonly pastUntilPresent?: RegExp | undefined;
  /** A leading clause that sets the time of the facts after it. */
  readonly leadTime: RegExp;
  /** Words of the present (现在, 目前): the past ends at the last one (global). */
  readonly present: RegExp;
  /** 不是A，而是B: the first half and the opening of the second. */
  readonly contrastNot: RegExp;
  readonly contrastBut: RegExp;
  /** Hedges (global, to list every one). */
  readonly hedges: RegExp;
  readonly local: RegExp;
  readonly national: RegExp;
  /** Modal words (global). */
  readonly modal: RegExp;

  // The reader's small lists (data/cues.yaml, issue 15). What is grammar stays
  // here: which part of a reply is captured, and the punctuation around it.
  /** Any one negating character (不, 没…): tested on a single character or a short core. */
  readonly negatorChar: RegExp;
  /** A reply's first clause after an answer label, at most eight characters: group 1. */
  readonly echoLead: RegExp;
  /** Adverbs taken off the front of an echo (当然, 确实…). */
  readonly echoAdverbs: RegExp;
  /** Particles taken off the end of an echo (的, 了…). */
  readonly echoParticles: RegExp;
  /** A modal alone: group 1 its negator if any, group 2 the modal. */
  readonly echoBareModal: RegExp;
  /** A negated verb (不认): group 1 the verb. */
  readonly echoNoVerb: RegExp;
  /** A verb's negated potential form (用不了): group 1 the verb. */
  readonly echoNoPotential: RegExp;
  /** A modal and a verb (能用): group 1 the verb. */
  readonly echoYesVerb: RegExp;
  /** A verb's potential form (用得了): group 1 the verb. */
  readonly echoYesPotential: RegExp;
  /** The next sentence's first clause of one to four characters: group 1. */
  readonly shortEchoClause: RegExp;
  /** A short no (不认, 没有了): group 1 the verb. */
  readonly shortEchoNo: RegExp;
  /** A short potential no (用不了): group 1 the verb. */
  readonly shortEchoNoPotential: RegExp;
  /** A short yes (算, 能啊): group 1 the verb. */
  readonly shortEchoYes: RegExp;
  /** A sentence that ends asking (？ or a final 吗). */
  readonly questionEnd: RegExp;
  /** A question's end, to take off before an answer's figure replaces its own. */
  readonly questionTail: RegExp;
  /** What is left after a 吗 when it only closes the question (”客服答复：). */
  readonly questionClose: RegExp;
  /** Fillers around an endorsement after a correction word (global). */
  readonly endorseFiller: RegExp;
  /** The opening of a reply to a quotation (，这个), taken off. */
  readonly quoteReplyOpening: RegExp;
  /** Punctuation and particles left of a condition (global). */
  readonly conditionFiller: RegExp;
  /** Words holding a conjunction that join nothing (不过去), sticky: tried where a conjunction starts. */
  readonly notClauseConjunction: RegExp;
}

export interface CueFile {
  clauseConjunctions: string[];
  negators: string[];
  notNegators: string[];
  scopeBreakerPatterns: string[];
  /** Optional: a clause set before an event (在领失业金之前，/ 补缴之前是…). Patterns. */
  beforeEventPatterns?: string[];
  /** Optional: words holding a scope breaker's character that end no scope (随便, 就医). */
  notScopeBreakers?: string[];
  /** Optional: a negator before a cause (并不会因为…就…): the breaker after the cause keeps the negation going. Patterns. */
  negatedCausePatterns?: string[];
  deniedAfterPatterns: string[];
  deniedBefore: string[];
  deniedNextPatterns: string[];
  /** Optional: a clause calling what it follows a misconception, out of date or not to be believed (这是误解, 别信). Patterns. */
  refutedNextPatterns?: string[];
  /** Optional: the same right after a value phrase (…的说法已经过时了). Patterns. */
  refutedAfterPatterns?: string[];
  /** Optional: a refutation closing the phrase's clause (…是不对的). Patterns. */
  refutedEndPatterns?: string[];
  /** Optional: the parts of a judging clause (judgeLeads … judgeFalsePatterns; see data/cues.yaml), all or none. */
  judgeLeads?: string[];
  judgeDemonstratives?: string[];
  judgeReportNouns?: string[];
  judgeMannerAdverbs?: string[];
  judgeMannerVerbs?: string[];
  judgeSubjectPatterns?: string[];
  judgeAdverbs?: string[];
  judgeCopulas?: string[];
  judgeQuantifiers?: string[];
  judgeNegators?: string[];
  judgeDegrees?: string[];
  judgeTruths?: string[];
  judgeFalsehoods?: string[];
  /** Single characters. */
  judgeFalseHeads?: string[];
  judgeFalseHeadNot?: string[];
  judgeDisbeliefNegators?: string[];
  judgeDisbeliefVerbs?: string[];
  judgeRefuters?: string[];
  judgeRefuteVerbs?: string[];
  judgeExistNegators?: string[];
  judgeExistDemonstratives?: string[];
  judgeExistNouns?: string[];
  judgeExistBare?: string[];
  judgeEndings?: string[];
  judgeDenials?: string[];
  judgeFalsePatterns?: string[];
  mentionAfterPatterns: string[];
  /** Optional: a later clause giving a list's verdict (均不纳入医保). Patterns. */
  listVerdictPatterns?: string[];
  /** Optional: headings naming the cases something is allowed in. Patterns. */
  limitingHeadingPatterns?: string[];
  /** Optional: words opening a concession (即便, 哪怕, 就算). */
  concessionOpenings?: string[];
  /** Optional: words the main clause after a concession opens with (也, 仍). */
  concessionMainOpenings?: string[];
  /** Optional: words opening a contrast clause (但, 不过). */
  contrastOpenings?: string[];
  /** Optional: words joining two values as alternatives (或, 或者). */
  disjunctions?: string[];
  /** Optional: openings of a clause that names a topic (关于…). Patterns. */
  topicOpeningPatterns?: string[];
  uncertain: string[];
  eitherOr: string[];
  eitherOrPatterns: string[];
  questionParticlePatterns: string[];
  /** Optional: words before an either-or form that make it concede (不管, 无论). */
  concessiveBefore?: string[];
  /** Optional: patterns right after an either-or form that make it concede (都, 也). */
  concessiveAfterPatterns?: string[];
  questionWords: string[];
  question: string[];
  answerYesPatterns: string[];
  answerNo: string[];
  rumour: string[];
  rumourPatterns: string[];
  /** Optional: report cues that refute what they report (误以为, 有谣言称); each a rumour cue too. */
  selfRefutingReport?: string[];
  /** Optional: the same as patterns (误区二：); each a rumour pattern too. */
  selfRefutingReportPatterns?: string[];
  debunk: string[];
  /** Optional: refutations as patterns (窗口说不会, 我家就没遇到过). */
  debunkPatterns?: string[];
  /** Optional: correction words (其实, 实际上); what follows them is asserted by the writer. */
  correction?: string[];
  endorse: string[];
  /** Optional: endorsements as patterns (我同事就遇到过, 窗口也这么说, 不是谣言). */
  endorsePatterns?: string[];
  /** Optional: markers that open an answer (答：, ——). */
  answerMarkerPatterns?: string[];
  /** Optional: how an answer that corrects a figure opens (不对，是 / 不是 / 错了，). Patterns. */
  correctionAnswerPatterns?: string[];
  /** Optional: rhetorical questions that endorse (谁说不是呢, 这还有假): they ask nothing. Patterns. */
  rhetoricalEndorsePatterns?: string[];
  /** Optional: openings of rhetorical questions (难道, 谁说), tested on each clause. Patterns. */
  rhetoricalAskPatterns?: string[];
  /** Optional: nouns naming a report after a value phrase (…的说法属实). Patterns, tested right after the phrase. */
  reportNounPatterns?: string[];
  /** Optional: words opening an explanation (因为, 原因是): a why-question so answered takes its value for granted. */
  answerBecause?: string[];
  /** Optional: question words a bare answer fills (多久, 多少, 什么时候). */
  answerSlotWords?: string[];
  /** Optional: words that stand for a subject named before (这笔钱, 它). */
  anaphora?: string[];
  /** Optional: subjects of other schemes' rules; a sentence naming one inherits no subject from the sentence before. */
  otherRuleSubjects?: string[];
  /** Optional: subjects that keep a sentence from being read for a claim it does not name (binding.unnamed). */
  unnamedSubjects?: string[];
  /** Optional: condition words that do not limit a claim (你, 自己, 急用钱). Patterns. */
  generalConditionPatterns?: string[];
  /** Optional: words naming the insurance itself (医保, 医疗保险), which every claim's context holds. */
  schemeWords?: string[];
  /** Optional: opening words of a condition that may follow a short subject (你要是…, 医保万一…). Patterns. */
  conditionAfterSubjectPatterns?: string[];
  /** Optional: the figures a 只有 clause may name and still only restate the claim's situation (超过3个月). Patterns. */
  conditionParameterPatterns?: string[];
  /** Optional: words opening a clause that limits what follows to its case (只有…，…才). */
  limitingStart?: string[];
  /** Optional: limiting phrases that only frame a situation (在…的情况下). Patterns. */
  situationFramePatterns?: string[];
  misconduct: string[];
  conditionStart: string[];
  conditionEndPatterns: string[];
  /** Optional: clauses ending in 的 that state rather than condition (…可以取现的，). Patterns. */
  statementEndPatterns?: string[];
  limitingPatterns: string[];
  /** Optional: a clause after the value that limits it (仅限…, 前提是…). Patterns. */
  limitingAfterPatterns?: string[];
  timePatterns: string[];
  pastPatterns: string[];
  /** Optional: past by shape (pastHeads … pastAspectNotAfter; see data/cues.yaml), all or none. */
  pastHeads?: string[];
  pastHeadNot?: string[];
  pastHeadRelative?: string[];
  pastInsideWords?: string[];
  /** One year: a year before it heading a clause dates it in the past. */
  pastYearBefore?: string[];
  pastYearNot?: string[];
  pastAspects?: string[];
  pastAspectNotBefore?: string[];
  pastAspectNotAfter?: string[];
  /** Optional: a word of the present after the past saying it still holds (现在也一样). Patterns. */
  presentSamePatterns?: string[];
  /** Optional: openings that date a clause in the past only when a word of the present follows in the sentence (原来…，现在…). Patterns. */
  pastUntilPresentPatterns?: string[];
  leadTimePatterns: string[];
  presentMarkers: string[];
  contrastNot: string[];
  contrastBut: string[];
  hedges: string[];
  localMarkers: string[];
  nationalMarkers: string[];
  modals: string[];
  answerLabels: string[];
  answererWords: string[];
  /** Single characters. */
  negatorChars: string[];
  echoAdverbs: string[];
  echoParticles: string[];
  echoModals: string[];
  echoModalNegators: string[];
  echoNoOpenings: string[];
  echoNoComplements: string[];
  echoYesOpenings: string[];
  echoYesComplements: string[];
  /** Tried in the order written. */
  shortEchoNoOpenings: string[];
  shortEchoNoEndings: string[];
  shortEchoPotentials: string[];
  shortEchoPotentialEndings: string[];
  shortEchoYesEndings: string[];
  questionEndParticles: string[];
  questionTailParticles: string[];
  /** Single characters. */
  endorseFillers: string[];
  demonstratives: string[];
  /** Single characters. */
  conditionFillers: string[];
  notClauseConjunctions: string[];
}

const CUE_KEYS: readonly (keyof CueFile)[] = [
  'clauseConjunctions', 'negators', 'notNegators', 'scopeBreakerPatterns', 'deniedAfterPatterns', 'deniedBefore', 'deniedNextPatterns', 'mentionAfterPatterns', 'uncertain',
  'eitherOr', 'eitherOrPatterns', 'questionParticlePatterns', 'questionWords', 'question', 'answerYesPatterns', 'answerNo', 'rumour', 'rumourPatterns',
  'debunk', 'endorse', 'misconduct', 'conditionStart', 'conditionEndPatterns', 'limitingPatterns', 'timePatterns', 'pastPatterns', 'leadTimePatterns', 'presentMarkers', 'contrastNot', 'contrastBut', 'hedges',
  'localMarkers', 'nationalMarkers', 'modals',
  'answerLabels', 'answererWords', 'negatorChars', 'echoAdverbs', 'echoParticles', 'echoModals', 'echoModalNegators', 'echoNoOpenings', 'echoNoComplements',
  'echoYesOpenings', 'echoYesComplements', 'shortEchoNoOpenings', 'shortEchoNoEndings', 'shortEchoPotentials', 'shortEchoPotentialEndings', 'shortEchoYesEndings',
  'questionEndParticles', 'questionTailParticles', 'endorseFillers', 'demonstratives', 'conditionFillers', 'notClauseConjunctions',
];
/** Lists of single characters (compiled into character classes). */
const CHAR_KEYS: readonly (keyof CueFile)[] = ['negatorChars', 'endorseFillers', 'conditionFillers'];

export class CueError extends Error {}

const words = (list: readonly string[], flags = 'u') => new RegExp(wordAlternation(list), flags);
/** Words, and patterns when there are any, as one regex. */
const withPatterns = (list: readonly string[], extra: readonly string[] | undefined, flags = 'u') =>
  new RegExp([wordAlternation(list), ...(extra ?? []).map((p) => `(?:${p})`)].join('|'), flags);
const patterns = (list: readonly string[], flags = 'u') => new RegExp(list.map((p) => `(?:${p})`).join('|'), flags);
/** Words as a group for a larger pattern, longest first. */
const group = (list: readonly string[]) => `(?:${wordAlternation(list)})`;
/** Words as a group tried in the order written: where a capture after them depends on which is taken. */
const groupInOrder = (list: readonly string[]) => `(?:${list.map(escapeRegExp).join('|')})`;
/** Single characters as a class. */
const chars = (list: readonly string[]) => charClass(list.join(''));

/**
 * The reader's small lists compiled into the patterns that read with them. The
 * capture groups and the punctuation are grammar and stay here.
 */
function compileReaderLists(file: CueFile) {
  const negator = chars(file.negatorChars);
  const label = `(?:${group(file.answerLabels)}\\s*[：:]\\s*)?`;
  // An echoed verb: one to four characters, none negating.
  const verb = `((?:(?!${negator})\\p{Script=Han}){1,4}?)`;
  return {
    negatorChar: new RegExp(negator, 'u'),
    echoLead: new RegExp(`^\\s*${label}(\\p{Script=Han}{1,8})\\s*(?:[。，,！!；;]|$)`, 'u'),
    echoAdverbs: new RegExp(`^${group(file.echoAdverbs)}+`, 'u'),
    echoParticles: new RegExp(`${group(file.echoParticles)}+$`, 'u'),
    echoBareModal: new RegExp(`^(${wordAlternation(file.echoModalNegators)})?(${wordAlternation(file.echoModals)})$`, 'u'),
    echoNoVerb: new RegExp(`^${group(file.echoNoOpenings)}${verb}$`, 'u'),
    echoNoPotential: new RegExp(`^${verb}不${group(file.echoNoComplements)}?$`, 'u'),
    echoYesVerb: new RegExp(`^${group(file.echoYesOpenings)}${verb}$`, 'u'),
    echoYesPotential: new RegExp(`^${verb}得${group(file.echoYesComplements)}?$`, 'u'),
    shortEchoClause: new RegExp(`^\\s*${label}(\\p{Script=Han}{1,4})(?:[。，,！!；;]|$)`, 'u'),
    shortEchoNo: new RegExp(`^${groupInOrder(file.shortEchoNoOpenings)}(\\p{Script=Han}{1,2}?)${group(file.shortEchoNoEndings)}?$`, 'u'),
    shortEchoNoPotential: new RegExp(`^(\\p{Script=Han}{1,2}?)不${group(file.shortEchoPotentials)}${group(file.shortEchoPotentialEndings)}?$`, 'u'),
    shortEchoYes: new RegExp(`^(\\p{Script=Han}{1,2}?)${group(file.shortEchoYesEndings)}?$`, 'u'),
    questionEnd: new RegExp(`[？?]\\s*$|${group(file.questionEndParticles)}\\s*$`, 'u'),
    questionTail: new RegExp(`${group(file.questionTailParticles)}?\\s*[？?]?\\s*$`, 'u'),
    questionClose: new RegExp(`^[\\s？?”」』"'）)]*(?:\\p{Script=Han}{0,6}?${group(file.answererWords)})?\\s*$`, 'u'),
    endorseFiller: new RegExp(`[\\s${escapeClassChars(file.endorseFillers.join(''))}]`, 'gu'),
    quoteReplyOpening: new RegExp(`^[\\s，,：:]*${group(file.demonstratives)}?`, 'u'),
    conditionFiller: new RegExp(`[\\s，,、。；;：:${escapeClassChars(file.conditionFillers.join(''))}]`, 'gu'),
    notClauseConjunction: new RegExp(wordAlternation(file.notClauseConjunctions), 'uy'),
  };
}

const PAST_KEYS = ['pastHeads', 'pastHeadNot', 'pastHeadRelative', 'pastInsideWords', 'pastYearBefore', 'pastYearNot', 'pastAspects', 'pastAspectNotBefore', 'pastAspectNotAfter'] as const;

/**
 * The past by shape (data/cues.yaml): a time word or a year before pastYearBefore heading a
 * clause, or an aspect of the past (曾, 一度). `all` is tested as pastPatterns are (on the text
 * before a phrase, a table header); `inside` on a frame's span after its topic, where a clause
 * head cannot be: the aspect, and a time word right before a modal or verb (以往会, 过去有).
 */
function pastShape(file: CueFile): { all: string; inside: string } | undefined {
  const given = PAST_KEYS.filter((k) => file[k]?.length);
  if (given.length === 0) return undefined;
  if (given.length < PAST_KEYS.length) throw new CueError(`the past lists come together: missing ${PAST_KEYS.filter((k) => !given.includes(k)).join(', ')}`);
  const f = file as Required<CueFile>;
  const before = Number(f.pastYearBefore[0]);
  if (!Number.isInteger(before) || before < 1950) throw new CueError(`"pastYearBefore" must be one year, not "${f.pastYearBefore[0]}"`);
  const years: string[] = [];
  for (let y = 1950; y < before; y++) years.push(String(y));
  // A clause opens at the text's start or after a clause mark.
  const opening = '(?:^|(?<=[，,；;：:。！!]\\s*))';
  const relative = `(?![^，,。；;]{0,8}?${group(f.pastHeadRelative)}(?:下|了|过)?的)`;
  const head = `${opening}${group(f.pastHeads)}(?!${wordAlternation(f.pastHeadNot)})${relative}`;
  const year = `${opening}(?:在|于|早在)?(?:${years.join('|')})年(?:[0-9０-９一二三四五六七八九十]{1,2}月(?:[0-9０-９一二三四五六七八九十]{1,3}[日号])?)?(?!${wordAlternation(f.pastYearNot)})`;
  const aspect = `(?<!${wordAlternation(f.pastAspectNotBefore)})${group(f.pastAspects)}(?!${wordAlternation(f.pastAspectNotAfter)})`;
  return { all: `${head}|${year}|${aspect}`, inside: `${aspect}|${group(f.pastInsideWords)}(?=[会要能可是有都也还被])${relative}` };
}

/** pastPatterns with the past by shape, and the past inside a frame's span. */
function pastRegexes(file: CueFile): { past: RegExp; pastInside: RegExp | undefined } {
  const shape = pastShape(file);
  if (!shape) return { past: patterns(file.pastPatterns), pastInside: undefined };
  return { past: new RegExp(`${patterns(file.pastPatterns).source}|${shape.all}`, 'u'), pastInside: new RegExp(shape.inside, 'u') };
}

/** The judging lists, each required once one is given. */
const JUDGE_KEYS = [
  'judgeLeads', 'judgeDemonstratives', 'judgeReportNouns', 'judgeMannerAdverbs', 'judgeMannerVerbs', 'judgeSubjectPatterns', 'judgeAdverbs', 'judgeCopulas',
  'judgeQuantifiers', 'judgeNegators', 'judgeDegrees', 'judgeTruths', 'judgeFalsehoods', 'judgeFalseHeads', 'judgeFalseHeadNot', 'judgeDisbeliefNegators',
  'judgeDisbeliefVerbs', 'judgeRefuters', 'judgeRefuteVerbs', 'judgeExistNegators', 'judgeExistDemonstratives', 'judgeExistNouns', 'judgeExistBare', 'judgeEndings', 'judgeDenials', 'judgeFalsePatterns',
] as const;

/**
 * A judging clause as one regex over a whole clause (data/cues.yaml, judging clauses): leads,
 * then a subject that is the statement itself or none, adverbs, and a predicate that judges it
 * false, then closing particles. The order of the parts is grammar and stays here; every word is data.
 * A negator before a word of falsehood (不是谣言, 没错) matches no part: it endorses.
 */
function compileJudging(file: CueFile): { judging: RegExp; judgingSubject: RegExp } | undefined {
  const given = JUDGE_KEYS.filter((k) => file[k]?.length);
  if (given.length === 0) return undefined;
  if (given.length < JUDGE_KEYS.length) throw new CueError(`the judging lists come together: missing ${JUDGE_KEYS.filter((k) => !given.includes(k)).join(', ')}`);
  const f = file as Required<CueFile>;
  const alt = (ps: readonly string[]) => `(?:${ps.map((p) => `(?:${p})`).join('|')})`;
  const noun = group(f.judgeReportNouns);
  const dem = group(f.judgeDemonstratives);
  const manner = `${group(f.judgeMannerAdverbs)}${group(f.judgeMannerVerbs)}(?:的话)?`;
  const subject = `(?:${dem}?${noun}{1,2}|${manner}|${dem}?${alt(f.judgeSubjectPatterns)}|${dem})`;
  const adverbs = `${group(f.judgeAdverbs)}{0,4}`;
  const negTruth = `${group(f.judgeNegators)}${group(f.judgeDegrees)}?${group(f.judgeTruths)}`;
  const falsehood = group(f.judgeFalsehoods);
  // 是谬见 / 纯属臆测: a head of falsehood and up to three characters, none a question particle.
  const head = `(?!${wordAlternation(f.judgeFalseHeadNot)})${chars(f.judgeFalseHeads)}(?:(?![吗么呢嘛])\\p{Script=Han}){0,3}?`;
  const disbelief = `${group(f.judgeDisbeliefNegators)}${group(f.judgeDisbeliefVerbs)}`;
  const exist = `${group(f.judgeExistNegators)}(?:${group(f.judgeExistDemonstratives)}(?:一)?(?:个|种|条|项)?${group(f.judgeExistNouns)}|${group(f.judgeExistBare)})`;
  const afterCopula = `${group(f.judgeCopulas)}${adverbs}${group(f.judgeQuantifiers)}{0,2}(?:(?:${negTruth}|${falsehood})性?的${noun}|${falsehood}|${negTruth}|${head})`;
  // 已被官方否认 / 早被医保局辟谣 / 已经被澄清了: 被 or an authority (or both) before the verb.
  const refuter = group(f.judgeRefuters);
  const refuted = `(?:被${refuter}?|${refuter})${adverbs}(?:出面|明确|公开|正式|多次|专门)?${group(f.judgeRefuteVerbs)}(?:过)?`;
  const predicate = `(?:${afterCopula}|${negTruth}|${falsehood}|${disbelief}|${exist}|${refuted}|${alt(f.judgeFalsePatterns)})`;
  const lead = `${group(f.judgeLeads)}{0,2}`;
  const end = `${group(f.judgeEndings)}*\\s*$`;
  // A bare denial opens its clause: after a lead it is rhetorical (可不是嘛 endorses).
  return {
    judging: new RegExp(`^\\s*(?:${lead}(?:${subject})?${adverbs}${predicate}|${group(f.judgeDenials)})${end}`, 'u'),
    // 这个说法，不对: a subject standing alone before the judgement in the next clause.
    judgingSubject: new RegExp(`^\\s*${lead}(?:${dem}?${noun}{1,2}|${manner})(?:嘛|呢|啊|呀)?\\s*$`, 'u'),
  };
}

export function compileCues(raw: CueFile): Cues {
  // {clause-end} in a pattern: the one definition of a clause's end (text/clause-end.ts).
  const file = Object.fromEntries(
    Object.entries(raw).map(([key, list]) => [key, Array.isArray(list) ? list.map((x) => (typeof x === 'string' ? expandClauseEnd(x) : x)) : list]),
  ) as unknown as CueFile;
  for (const key of CUE_KEYS) {
    const list = file[key];
    if (!Array.isArray(list) || list.length === 0 || !list.every((x) => typeof x === 'string' && x.length > 0)) {
      throw new CueError(`"${key}" must be a non-empty list of strings`);
    }
  }
  for (const key of CHAR_KEYS) {
    const bad = (file[key] as string[]).find((w) => [...w].length !== 1);
    if (bad !== undefined) throw new CueError(`"${key}" must list single characters, not "${bad}"`);
  }
  return {
    clauseConjunction: words(file.clauseConjunctions, 'gu'),
    negator: words(file.negators, 'gu'),
    negatorStart: new RegExp(`[${[...new Set(file.negators.map((w) => [...w][0]!))].map(escapeClassChars).join('')}]`, 'u'),
    notNegator: words(file.notNegators, 'gu'),
    scopeBreaker: patterns(file.scopeBreakerPatterns, 'gu'),
    beforeEvent: file.beforeEventPatterns?.length ? patterns(file.beforeEventPatterns) : undefined,
    notScopeBreaker: file.notScopeBreakers?.length ? words(file.notScopeBreakers, 'gu') : undefined,
    negatedCause: file.negatedCausePatterns?.length ? patterns(file.negatedCausePatterns) : undefined,
    deniedAfter: patterns(file.deniedAfterPatterns),
    deniedBefore: words(file.deniedBefore),
    mentionAfter: patterns(file.mentionAfterPatterns),
    topicOpening: file.topicOpeningPatterns?.length ? patterns(file.topicOpeningPatterns) : undefined,
    listVerdict: file.listVerdictPatterns?.length ? patterns(file.listVerdictPatterns) : undefined,
    limitingHeading: file.limitingHeadingPatterns?.length ? patterns(file.limitingHeadingPatterns) : undefined,
    concessionOpening: file.concessionOpenings?.length ? words(file.concessionOpenings, 'gu') : undefined,
    concessionMain: file.concessionMainOpenings?.length ? new RegExp(`^(?:${wordAlternation(file.concessionMainOpenings)})`, 'u') : undefined,
    contrastOpening: file.contrastOpenings?.length ? new RegExp(`^\\s*(?:${wordAlternation(file.contrastOpenings)})`, 'u') : undefined,
    disjunction: file.disjunctions?.length ? new RegExp(`^\\s*(?:${wordAlternation(file.disjunctions)})\\s*$`, 'u') : undefined,
    deniedNext: patterns(file.deniedNextPatterns),
    refutedNext: file.refutedNextPatterns?.length ? patterns(file.refutedNextPatterns) : undefined,
    refutedAfter: file.refutedAfterPatterns?.length ? patterns(file.refutedAfterPatterns) : undefined,
    refutedEnd: file.refutedEndPatterns?.length ? patterns(file.refutedEndPatterns) : undefined,
    ...compileJudging(file),
    uncertain: words(file.uncertain),
    eitherOr: words(file.eitherOr),
    eitherOrClause: patterns(file.eitherOrPatterns),
    eitherOrAll: new RegExp(`${wordAlternation(file.eitherOr)}|${file.eitherOrPatterns.map((p) => `(?:${p})`).join('|')}`, 'gu'),
    questionParticle: patterns(file.questionParticlePatterns),
    concessiveBefore: file.concessiveBefore?.length ? words(file.concessiveBefore) : undefined,
    concessiveAfter: file.concessiveAfterPatterns?.length ? new RegExp(`^(?:${file.concessiveAfterPatterns.map((p) => `(?:${p})`).join('|')})`, 'u') : undefined,
    questionWord: words(file.questionWords),
    question: patterns(file.question),
    answerYes: patterns(file.answerYesPatterns),
    answerNo: patterns(file.answerNo),
    rumour: new RegExp(`${wordAlternation(file.rumour)}|${file.rumourPatterns.map((p) => `(?:${p})`).join('|')}`, 'u'),
    selfRefutingReport: file.selfRefutingReport?.length
      ? new RegExp(`^(?:${[wordAlternation(file.selfRefutingReport), ...(file.selfRefutingReportPatterns ?? []).map((p) => `(?:${p})`)].join('|')})$`, 'u')
      : undefined,
    debunk: withPatterns(file.debunk, file.debunkPatterns),
    correction: file.correction?.length ? words(file.correction, 'gu') : undefined,
    debunkStrict: withPatterns(file.debunk.filter((w) => !file.correction?.includes(w)), file.debunkPatterns),
    endorse: words(file.endorse),
    // Patterns first: at one position the longer reading (确实如此 over 确实) is the one masked.
    endorseAll: new RegExp(
      [...(file.rhetoricalEndorsePatterns ?? []), ...(file.endorsePatterns ?? [])].map((p) => `(?:${p})`).concat(wordAlternation(file.endorse)).join('|'),
      'gu',
    ),
    rhetorical: file.rhetoricalEndorsePatterns?.length ? patterns(file.rhetoricalEndorsePatterns) : undefined,
    rhetoricalAsk: file.rhetoricalAskPatterns?.length ? patterns(file.rhetoricalAskPatterns) : undefined,
    reportNoun: file.reportNounPatterns?.length ? patterns(file.reportNounPatterns) : undefined,
    // A negator within two characters after an endorse word denies it (确实不会, 的确没有).
    endorseDenied: new RegExp(`^[^，,。；;]{0,2}?(?:${wordAlternation(file.negators)})`, 'u'),
    answerMarker: file.answerMarkerPatterns?.length ? new RegExp(`^\\s*(?:${file.answerMarkerPatterns.map((p) => `(?:${p})`).join('|')})\\s*`, 'u') : undefined,
    correctionAnswer: file.correctionAnswerPatterns?.length ? new RegExp(`^\\s*(?:${file.correctionAnswerPatterns.map((p) => `(?:${p})`).join('|')})`, 'u') : undefined,
    answerBecause: file.answerBecause?.length ? new RegExp(`^\\s*(?:${group(file.answerLabels)}\\s*[：:]\\s*)?(?:${wordAlternation(file.answerBecause)})`, 'u') : undefined,
    answerSlot: file.answerSlotWords?.length ? words(file.answerSlotWords, 'gu') : undefined,
    anaphora: file.anaphora?.length ? words(file.anaphora, 'gu') : undefined,
    unnamedSubjects: file.unnamedSubjects?.length ? words(file.unnamedSubjects, 'gu') : undefined,
    otherRuleSubjects: file.otherRuleSubjects?.length ? words(file.otherRuleSubjects, 'gu') : undefined,
    generalCondition: file.generalConditionPatterns?.length ? patterns(file.generalConditionPatterns, 'gu') : undefined,
    schemeWord: file.schemeWords?.length ? words(file.schemeWords, 'gu') : undefined,
    schemeWords: file.schemeWords?.length ? new Set(file.schemeWords) : undefined,
    conditionParameter: file.conditionParameterPatterns?.length ? patterns(file.conditionParameterPatterns, 'gu') : undefined,
    limitingStart: file.limitingStart?.length ? new RegExp(`^\\s*(?:${wordAlternation(file.limitingStart)})`, 'u') : undefined,
    situationFrame: file.situationFramePatterns?.length ? patterns(file.situationFramePatterns) : undefined,
    misconduct: words(file.misconduct),
    // 你要是…, 医保万一…: a short subject may come before the opening word.
    conditionStart: new RegExp(
      `^\\s*(?:${wordAlternation(file.conditionStart)}${file.conditionAfterSubjectPatterns?.length ? `|[^，,。；;：:\\s]{1,4}?(?:${file.conditionAfterSubjectPatterns.map((p) => `(?:${p})`).join('|')})` : ''})`,
      'u',
    ),
    conditionEnd: patterns(file.conditionEndPatterns),
    statementEnd: file.statementEndPatterns?.length ? patterns(file.statementEndPatterns) : undefined,
    limiting: patterns(file.limitingPatterns),
    limitingAfter: file.limitingAfterPatterns?.length ? patterns(file.limitingAfterPatterns) : undefined,
    time: patterns(file.timePatterns),
    ...pastRegexes(file),
    presentSame: file.presentSamePatterns?.length ? patterns(file.presentSamePatterns) : undefined,
    pastUntilPresent: file.pastUntilPresentPatterns?.length ? new RegExp(`^\\s*(?:${file.pastUntilPresentPatterns.map((p) => `(?:${p})`).join('|')})`, 'u') : undefined,
    leadTime: patterns(file.leadTimePatterns),
    present: words(file.presentMarkers, 'gu'),
    contrastNot: words(file.contrastNot),
    contrastBut: new RegExp(`^\\s*(?:${wordAlternation(file.contrastBut)})`, 'u'),
    hedges: words(file.hedges, 'gu'),
    local: words(file.localMarkers),
    national: words(file.nationalMarkers),
    modal: words(file.modals, 'gu'),
    ...compileReaderLists(file),
  };
}

let defaults: Cues | undefined;

/** Every list of a cue file is a list of strings (which lists it needs, compileCues says). */
const CUE_FILE_SCHEMA = { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } } as const;

/** Loads and compiles a cue file; a missing list or a bad pattern is a CueError naming the file. */
export function loadCues(path = packagePath('data', 'cues.yaml')): Cues {
  const isDefault = path === packagePath('data', 'cues.yaml');
  if (isDefault && defaults) return defaults;
  let cues: Cues;
  try {
    cues = compileCues(loadDataFile<CueFile>(path, CUE_FILE_SCHEMA));
  } catch (err) {
    // A data-file problem already names the file, line and column.
    if (err instanceof DataFileError) throw new CueError(err.message);
    throw new CueError(`${path}: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (isDefault) defaults = cues;
  return cues;
}
