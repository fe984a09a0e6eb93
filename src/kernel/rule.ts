import type { Article, ClaimRecord, FactRecord, RuleMeta, Severity, Sentence, Span, TextSpan, Unit, Verdict } from '../types.js';
import type { Registry } from '../registry/types.js';
import type { LineIndex } from '../text/position.js';
import type { SuppressionPlan } from './suppressions.js';
import type { ReportDescriptor } from './report.js';

/** The reference date that "current" and "stale" are judged against. */
export interface AsOf {
  readonly date: string;
  readonly year: number;
}

export type { RelatedSpec, ReportDescriptor } from './report.js';

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
  /**
   * The group of records the finding comes from (corpus-conflict: the fact or
   * claim key). A run with a warm cache recomputes only the groups a changed
   * file touches (src/engine/incremental.ts), so a rule that reports a key must
   * make each group's findings from that group's records alone.
   */
  readonly key?: string;
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
