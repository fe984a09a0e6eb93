import type { Article, ClaimRecord, FactRecord, RuleMeta, Severity, Sentence, Span, TextSpan, Unit, Verdict } from '../types.js';
import type { Registry } from '../registry/types.js';
import type { LineIndex } from '../text/position.js';
import type { SuppressionPlan } from './suppressions.js';
import type { Message, MessageArg } from '../i18n/message.js';

/** The reference date that "current" and "stale" are judged against. */
export interface AsOf {
  readonly date: string;
  readonly year: number;
}

/** The other side of a finding (the conflicting sentence), in this or another file. */
export interface RelatedSpec {
  readonly file: string;
  readonly span: Span;
  readonly excerpt: string;
  /** What this location says, as a catalogue message (data/messages). */
  readonly message?: Message;
}

/**
 * What a rule reports. Positions are relative to `node` (textlint style): the
 * kernel turns them into absolute lines and columns.
 */
export interface ReportDescriptor {
  /** The message's id in the catalogue (data/messages/*.yaml); the kernel renders it in the run's language. */
  readonly messageId: string;
  /** Values of the message's named placeholders. */
  readonly data?: Readonly<Record<string, MessageArg>>;
  readonly node: TextSpan;
  /** Part of node.text, [start, end) in UTF-16 units; default the whole node. */
  readonly range?: readonly [number, number];
  /** Overrides the rule's default severity for this one message (a severity set in config replaces it, unless `ceiling`). */
  readonly severity?: Severity;
  /**
   * `severity` is the most this reading supports (the precision policy: a
   * question is an info at most). Config may lower it but never raise it.
   */
  readonly ceiling?: boolean;
  readonly claimId?: string;
  readonly expected?: string;
  readonly source?: string;
  readonly related?: readonly RelatedSpec[];
}

export interface RuleContext {
  readonly file: string;
  readonly article: Article;
  readonly registry: Registry;
  readonly asOf: AsOf;
  /** The rule's options from config, already schema-checked (empty object if none). */
  readonly options: Readonly<Record<string, unknown>>;
  report(descriptor: ReportDescriptor): void;
}

/** Handlers a file rule returns; the kernel calls them in document order. */
export interface RuleHandlers {
  article?(article: Article): void;
  unit?(unit: Unit): void;
  sentence?(sentence: Sentence): void;
  verdict?(verdict: Verdict): void;
  articleEnd?(): void;
}

export interface FileRule {
  readonly meta: RuleMeta;
  readonly scope: 'file';
  create(context: RuleContext): RuleHandlers;
}

/** One analysed file as corpus rules see it. */
export interface CorpusEntry {
  readonly file: string;
  /** Absent in a compact run (the article is let go after the file stage). */
  readonly article?: Article;
  /** What applying suppressions needs, when the article is not kept. */
  readonly suppressions?: SuppressionPlan;
  readonly lines: LineIndex;
  readonly records: readonly ClaimRecord[];
  readonly verdicts: readonly Verdict[];
  /** Fact records (src/facts); absent when the facts stage did not run. */
  readonly facts?: readonly FactRecord[];
}

export interface CorpusReport extends ReportDescriptor {
  readonly file: string;
}

export interface CorpusContext {
  readonly entries: readonly CorpusEntry[];
  readonly registry: Registry;
  readonly asOf: AsOf;
  readonly options: Readonly<Record<string, unknown>>;
  report(descriptor: CorpusReport): void;
}

/** A rule that needs the whole corpus at once (cross-article conflicts). */
export interface CorpusRule {
  readonly meta: RuleMeta;
  readonly scope: 'corpus';
  check(context: CorpusContext): void;
}

export type Rule = FileRule | CorpusRule;
