// Shared vocabulary of the pipeline. Every stage reads and writes these shapes;
// keep them small and explicit so wrong states cannot be built.

import type { Message } from './i18n/message.js';
import type { Locale } from './i18n/catalogue.js';

export type Severity = 'error' | 'warning' | 'info';

/** Half-open range of UTF-16 code-unit offsets into a file's decoded text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** 1-based line and 1-based column counted in UTF-16 code units (as SARIF and editors do). */
export interface Position {
  readonly line: number;
  readonly column: number;
}

/** An input format's id: a row of the format table (src/parse/formats.ts). */
export type ArticleFormat = 'markdown' | 'mdx' | 'html' | 'text';

export type Encoding = 'utf-8' | 'gb18030';

/** A file after the read stage: decoded text plus how it was decoded. */
export interface SourceFile {
  /** Path as shown in reports: relative to the working directory, forward slashes. */
  readonly path: string;
  readonly text: string;
  readonly encoding: Encoding;
  readonly format: ArticleFormat;
}

export interface FrontMatter {
  readonly title?: string;
  readonly date?: string;
  readonly updated?: string;
  readonly region?: string;
  readonly tags?: readonly string[];
}

/** A piece of text with its exact place in the file. */
export interface TextSpan {
  readonly text: string;
  readonly span: Span;
}

export interface Sentence extends TextSpan {
  /** Index of the unit this sentence belongs to, in Article.units. */
  readonly unitIndex: number;
  /** True when the sentence is a heading or a unit title line rather than body text. */
  readonly isTitle: boolean;
  /**
   * A table cell's headers (Markdown and HTML tables): its column's cell in the first row and,
   * for a cell after the first, its row's first cell. They say what the cell is about
   * (居民医保 | 改革前 | 个人账户能否给家人用) as a heading does.
   */
  readonly cellHeaders?: readonly string[];
}

/**
 * A unit is a part of an article with its own subject: the whole article, a
 * Markdown section under a heading, or one block of a scraped page (title line,
 * body, date line). Year and region checks are judged per unit.
 */
export interface Unit {
  readonly index: number;
  readonly kind: 'article' | 'section' | 'block';
  readonly title?: TextSpan;
  /** YYYY-MM-DD when the unit carries its own date (front matter, a trailing date line). */
  readonly date?: string;
  /** Region declared by front matter for this unit (the article's, for every unit). */
  readonly declaredRegion?: string;
  readonly span: Span;
  /** Heading depth for Markdown sections (1–6); 0 for the article and scraped blocks. */
  readonly depth: number;
  /** Index of the enclosing unit (a section's parent section or the article), if any. */
  readonly parent?: number;
}

export interface Article {
  readonly file: SourceFile;
  readonly frontMatter: FrontMatter;
  readonly units: readonly Unit[];
  readonly sentences: readonly Sentence[];
  /** The page's own date (front matter `updated`/`date`, or a page date line), YYYY-MM-DD. */
  readonly date?: string;
  /** Spans the parser marked as not prose (code, front matter, boilerplate). */
  readonly ignored: readonly Span[];
  /** Inline suppression directives found while parsing (Markdown comments). */
  readonly directives: readonly Directive[];
}

export interface Directive {
  readonly kind: 'disable' | 'enable' | 'disable-next-line' | 'disable-line';
  /** Rule ids named; empty means every rule. */
  readonly ruleIds: readonly string[];
  readonly reason?: string;
  readonly span: Span;
}

/** A quantity read from text, normalised to a number and a unit. */
export interface Quantity {
  readonly kind: 'duration' | 'percent' | 'ratio' | 'amount' | 'count' | 'number';
  /** Lower (or only) value. Durations are in `unit`; percents are 0–100; ratios are fractions. */
  readonly value: number;
  /** Upper value of a range (1-3个月), when the text gave one. */
  readonly max?: number;
  /** day | month | year | yuan | percent | workday | times | '' */
  readonly unit: string;
  /** How the text bounds it: 3个月以内 → atMost, 超过3个月 → over, 满三个月 → atLeast. */
  readonly bound: 'exact' | 'atMost' | 'under' | 'atLeast' | 'over' | 'about';
  /** 次月 / 次日: relative to an event rather than a length. */
  readonly relative?: 'nextMonth' | 'nextDay';
  readonly text: string;
  readonly span: Span;
}

/**
 * How the sentence puts the claim: stated; asked (and not answered); asked and
 * answered in the next sentence (能取现吗？能。); passed on as a rumour and
 * not refuted; a rumour the sentence confirms (网上说…，确实如此). A refuted
 * rumour asserts nothing and yields no record. `mention`: the value is named,
 * not asserted — a title or list line with no modal verb (医保卡余额提取), or a
 * noun phrase (取出来的方法, 提现手续).
 */
export type Framing = 'plain' | 'question' | 'answered' | 'rumour' | 'endorsed' | 'mention';

/**
 * Something a claim record stands under: a condition clause (如果…, …的，),
 * words limiting it to some cases (只有…才, 以下情况), another time (期满后),
 * the past (改革前), or an exception the registry lists for the claim.
 */
export interface ClaimCondition {
  /** `contrast`: a later clause opened by 但/不过 says what the registry does (不能直接给家人交，但可以通过家庭共济…). */
  readonly kind: 'condition' | 'limiting' | 'time' | 'past' | 'exception' | 'contrast';
  readonly text: string;
  /** For `exception`: the registry exception's id. */
  readonly exception?: string;
  /** For `condition`: it names the claim's own situation and adds to it (断缴超过3个月又退休了的). */
  readonly narrows?: boolean;
}

/** What one sentence asserts about one registry claim. */
export interface ClaimRecord {
  readonly file: string;
  readonly claimId: string;
  readonly topic: string;
  /** The value asserted, one of the registry entry's value names. */
  readonly value: string;
  /** 'negated' when the value was reached by flipping a negated phrase (不会清零 → retained). */
  readonly polarity: 'affirmed' | 'negated';
  /** The phrase that decided the value, with its place. */
  readonly cue: TextSpan;
  readonly quantities: readonly Quantity[];
  /** Hedging words found in the sentence (可能, 部分地区, 一般…). */
  readonly hedges: readonly string[];
  readonly framing: Framing;
  readonly region?: string;
  readonly year?: number;
  readonly sentence: TextSpan;
  readonly unitIndex: number;
  /** The clause the value was read in (absolute offsets). */
  readonly clause: { readonly start: number; readonly end: number };
  /** The subject mention that bound the clause to the claim; absent when the topic came from the sentence, heading or title. */
  readonly subject?: string;
  /**
   * The sentence names no subject: it was read for the claim from its trigger
   * and value alone (registry `binding.unnamed`), so the verdict is a warning at most.
   */
  readonly subjectInferred?: true;
  /** The modal word before the value (可以, 不得, 只能…). */
  readonly modality?: string;
  readonly conditions: readonly ClaimCondition[];
  /**
   * For figures: stated as a local rule (当地, 天津规定…) or as the national one (全国统一…).
   * For a wrong value: 'local' when its clause names a place before it (北京的可以提现), a local practice.
   */
  readonly scope?: 'local' | 'national';
  /** Framed as a question that asks whether (能否提取, 会清零吗): it presupposes neither value. */
  readonly asks?: 'whether';
}

export type VerdictKind = 'supported' | 'contradicted' | 'unverifiable';

export interface Verdict {
  readonly kind: VerdictKind;
  readonly record: ClaimRecord;
  /** Why: which value the registry holds and which it read. */
  readonly reason: string;
  /**
   * For a contradiction, how sure the reading is (the precision policy,
   * src/verdict/judge.ts): error only for a plain, unconditional, unhedged
   * assertion; warning or info otherwise.
   */
  readonly level?: Severity;
  /** Why the level is below error, in words for the message (hedged with “可能”, a condition…). */
  /** Why the level is lower than error, as catalogue messages (rendered in the report's language). */
  readonly qualifiers?: readonly Message[];
  /** The registry exception that made a non-canonical value legitimate. */
  readonly exception?: string;
}

export interface RelatedLocation {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly excerpt: string;
  readonly message?: string;
  /** `message` as a catalogue message, rendered again when the run's language is not English (not in the JSON contract). */
  readonly messageRef?: Message;
}

/** Where a span starts and ends: 1-based lines, columns in UTF-16 code units, end exclusive. */
export interface SpanPosition {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** One reported problem, as every formatter receives it. Field names are public contract. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly message: string;
  readonly excerpt: string;
  readonly claimId?: string;
  readonly expected?: string;
  readonly source?: string;
  readonly related?: readonly RelatedLocation[];
  /** The whole sentence, when the finding's span is part of it (SARIF's contextRegion). */
  readonly context?: SpanPosition;
  /** Stable identity across runs when unrelated lines move (rule, claim, normalised sentence). */
  readonly fingerprint: string;
  /** `message` as a catalogue message: its id and arguments, rendered in the run's language at the end of the run. */
  readonly messageRef?: Message;
  /** Where the reported span is inside `excerpt`, [start, end) in UTF-16 units, when it is part of it (the HTML report marks it). */
  readonly highlight?: readonly [number, number];
}

export interface RunSummary {
  readonly files: number;
  readonly claims: number;
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/** The results object every formatter takes. */
export interface RunResult {
  readonly version: 1;
  readonly asOf: string;
  readonly findings: readonly Finding[];
  readonly summary: RunSummary;
  /** Rule metadata for formatters that describe rules (SARIF). */
  readonly rules: readonly RuleMeta[];
  /** Notes about the run that are not findings (skipped files, baseline counts). */
  readonly notes: readonly string[];
  /** The language messages, notes and formatter labels are in (default en). */
  readonly locale?: Locale;
}

export type RuleType = 'problem' | 'suggestion' | 'input';

export interface RuleMeta {
  readonly id: string;
  readonly type: RuleType;
  readonly defaultSeverity: Severity;
  readonly description: string;
  /** Longer help text: what it reports, what it does not, how to fix. */
  readonly docs: string;
  /** JSON Schema of the rule's options in the config file. */
  readonly schema?: object;
  /**
   * Checks schema-valid options further (patterns compile), at config load.
   * Paths are relative to the rule's `options`; see src/kernel/option-patterns.ts.
   */
  readonly checkOptions?: (options: Readonly<Record<string, unknown>>) => ReadonlyArray<{ readonly path: readonly (string | number)[]; readonly message: string }>;
}

/**
 * One fact read from a sentence or a "key：value" line: a subject (a place
 * and scheme, or an organisation), an attribute, qualifiers and a value.
 * Facts with the same `key` are about the same thing, so differing values
 * across (or within) articles are conflicts unless year or value range say otherwise.
 */
export interface FactRecord {
  readonly file: string;
  /** subject|attribute|qualifiers|conditions|value kind — built in src/facts/sentence-facts.ts. */
  readonly key: string;
  /** Human reading of the key for messages, e.g. 江西省南昌市 养老保险 缴费基数下限（单位）. */
  readonly label: string;
  /** Division code of the subject's place, when it has one. */
  readonly place?: string;
  /** Organisation the fact is about (a hospital), as first written. */
  readonly entity?: string;
  /** Attribute id from data/fact-keys.yaml (contribution-base-min, address…). */
  readonly attribute: string;
  /** group=value pairs (scheme=pension, role=employer, status=retired), sorted. */
  readonly qualifiers: readonly string[];
  /** Normalised conditions the value depends on (a cost band, an age bracket). */
  readonly conditions: readonly string[];
  readonly value: FactValue;
  readonly year?: number;
  /** Hedged (约, 左右, 一般…): a conflict with it is a warning. */
  readonly hedged: boolean;
  /**
   * A leading clause the value stands under: a time (自2025年起，门诊共济改革后，)
   * or a condition (如果…，). A fact under a condition is not compared with one
   * that has none: the condition may be why the figures differ.
   */
  readonly lead?: { readonly kind: 'time' | 'condition'; readonly text: string };
  /** 'key-value' when written as a label and a colon (地址：…), else 'sentence'. */
  readonly form: 'sentence' | 'key-value';
  /** The shortest text that shows the fact: label(s), attribute and value. */
  readonly evidence: TextSpan;
  readonly sentence: TextSpan;
  readonly unitIndex: number;
}

export interface FactValue {
  readonly kind: 'quantity' | 'grade' | 'address';
  /** Canonical form: equal facts have equal `norm` (3176 yuan/month, 三甲, 中华南大街#15). */
  readonly norm: string;
  /** As written in the article. */
  readonly text: string;
  readonly quantity?: Quantity;
}
