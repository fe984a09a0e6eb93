import type { Article, Severity, Verdict } from '../types.js';
import type { Registry } from '../registry/types.js';
import type { LineIndex } from '../text/position.js';
import { toFinding, type RawFinding } from './messages.js';
import type { AsOf, CorpusEntry, CorpusRule, FileRule, ReportDescriptor, RuleHandlers } from './rule.js';

/** A rule's effective setting after config: off, or a severity that overrides the rule's own choice. */
export interface RuleSetting {
  readonly enabled: boolean;
  /** From config; when set it replaces every severity the rule would report. */
  readonly severity?: Severity;
  readonly options: Readonly<Record<string, unknown>>;
}

export type RuleSettings = ReadonlyMap<string, RuleSetting>;

const DEFAULT_SETTING: RuleSetting = { enabled: true, options: {} };

export function settingFor(settings: RuleSettings, id: string): RuleSetting {
  return settings.get(id) ?? DEFAULT_SETTING;
}

export interface FileRuleInput {
  readonly file: string;
  readonly article: Article;
  readonly lines: LineIndex;
  readonly registry: Registry;
  readonly asOf: AsOf;
  readonly verdicts: readonly Verdict[];
}

/** Runs every enabled file rule over one article, in document order. */
export function runFileRules(rules: readonly FileRule[], settings: RuleSettings, input: FileRuleInput): RawFinding[] {
  const out: RawFinding[] = [];
  const { file, article, lines } = input;
  // One lookup for related locations per file, not a closure per report.
  const relatedLines = (f: string): LineIndex | undefined => (f === file ? lines : undefined);
  // Handlers grouped by hook, in rule order: the loops below call only rules that have the hook.
  const onArticle: RuleHandlers[] = [];
  const onUnit: RuleHandlers[] = [];
  const onSentence: RuleHandlers[] = [];
  const onVerdict: RuleHandlers[] = [];
  const onEnd: RuleHandlers[] = [];
  for (const rule of rules) {
    const setting = settingFor(settings, rule.meta.id);
    if (!setting.enabled) continue;
    const { id, defaultSeverity } = rule.meta;
    const fixed = setting.severity;
    const h = rule.create({
      file,
      article,
      registry: input.registry,
      asOf: input.asOf,
      options: setting.options,
      report: (d: ReportDescriptor) => {
        out.push(toFinding(id, effectiveSeverity(fixed, d, defaultSeverity), file, lines, d, relatedLines));
      },
    });
    if (h.article) onArticle.push(h);
    if (h.unit) onUnit.push(h);
    if (h.sentence) onSentence.push(h);
    if (h.verdict) onVerdict.push(h);
    if (h.articleEnd) onEnd.push(h);
  }
  for (const h of onArticle) h.article!(article);
  if (onUnit.length) for (const u of article.units) for (const h of onUnit) h.unit!(u);
  if (onSentence.length) for (const s of article.sentences) for (const h of onSentence) h.sentence!(s);
  if (onVerdict.length) for (const v of input.verdicts) for (const h of onVerdict) h.verdict!(v);
  for (const h of onEnd) h.articleEnd!();
  return out;
}

/**
 * Runs corpus rules once over every analysed file. `keys`, when given, gets
 * each finding's group (CorpusReport.key, prefixed by the rule's id), at the
 * same index as the finding.
 */
export function runCorpusRules(
  rules: readonly CorpusRule[],
  settings: RuleSettings,
  entries: readonly CorpusEntry[],
  registry: Registry,
  asOf: AsOf,
  keys?: Array<string | undefined>,
): RawFinding[] {
  const out: RawFinding[] = [];
  const linesOf = new Map(entries.map((e) => [e.file, e.lines]));
  for (const rule of rules) {
    const setting = settingFor(settings, rule.meta.id);
    if (!setting.enabled) continue;
    rule.check({
      entries,
      registry,
      asOf,
      options: setting.options,
      report: (d) => {
        const lines = linesOf.get(d.file);
        if (!lines) return;
        out.push(toFinding(rule.meta.id, effectiveSeverity(setting.severity, d, rule.meta.defaultSeverity), d.file, lines, d, (f) => linesOf.get(f)));
        keys?.push(d.key === undefined ? undefined : `${rule.meta.id}\u0000${d.key}`);
      },
    });
  }
  return out;
}

const RANK: Readonly<Record<Severity, number>> = { info: 0, warning: 1, error: 2 };

/**
 * A severity set in config replaces the rule's choice, except that it never
 * raises a message the rule marked as a ceiling (`claim-contradiction: error`
 * keeps an unanswered question an info).
 */
export function effectiveSeverity(configured: Severity | undefined, d: ReportDescriptor, ruleDefault: Severity): Severity {
  const own = d.severity ?? ruleDefault;
  if (configured === undefined) return own;
  if (d.ceiling && RANK[configured] > RANK[own]) return own;
  return configured;
}
