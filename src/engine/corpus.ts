// Run stage 5, corpus: the corpus rules over every file's compact analysis,
// then suppressions (which cover corpus findings too), sorting and fingerprints.
import type { Finding } from '../types.js';
import type { Config } from '../config/config.js';
import type { Registry } from '../registry/types.js';
import type { CorpusEntry, CorpusRule } from '../kernel/rule.js';
import { finalise, type RawFinding } from '../kernel/messages.js';
import { runCorpusRules } from '../kernel/run-rules.js';
import { applySuppressionPlan, applySuppressions } from '../kernel/suppressions.js';
import { ruleIds, rules } from '../rules/index.js';
import type { FileAnalysis, Services } from './analyze.js';
import { pushAll } from '../arrays.js';

/** Every analysed file that parsed, as corpus rules see it. */
export function corpusEntries(analyses: readonly FileAnalysis[]): CorpusEntry[] {
  return analyses.flatMap((a): CorpusEntry[] => {
    if (!a.lines) return [];
    const base = { file: a.file, lines: a.lines, records: a.records, verdicts: a.verdicts, facts: a.facts };
    if (a.article) return [{ ...base, article: a.article }];
    return a.suppressions ? [{ ...base, suppressions: a.suppressions }] : [];
  });
}

/** The rules that read the whole corpus, in rule order. */
export function corpusRules(): CorpusRule[] {
  return rules.filter((r): r is CorpusRule => r.scope === 'corpus');
}

/** What corpusStage passes on for the incremental corpus stage to store (src/engine/incremental.ts). */
export interface CorpusTrace {
  /** The corpus entries, records and facts included. */
  entries: CorpusEntry[];
  /** The corpus rules' findings before suppressions, in the order they came… */
  corpus: RawFinding[];
  /** …and the group each one is about (CorpusReport.key, prefixed by its rule's id). */
  groups: Array<string | undefined>;
}

/**
 * Corpus rules over every analysed file, then suppressions, then sorting and
 * fingerprints. `consume`: the caller lets the analyses go (the CLI's check):
 * the array is emptied once the corpus rules have read it, and each finding is
 * let go as its finished copy is made, so the records, verdicts and the file
 * stage's findings are not all kept alive beside the report.
 */
export function corpusStage(
  analyses: FileAnalysis[] | readonly FileAnalysis[],
  config: Config,
  registry: Registry,
  services: Services,
  consume = false,
  trace?: CorpusTrace,
): Finding[] {
  let raw: RawFinding[] = [];
  for (const a of analyses) pushAll(raw, a.findings);
  let entries = corpusEntries(analyses);
  const groups: Array<string | undefined> | undefined = trace ? [] : undefined;
  const fromCorpus = runCorpusRules(corpusRules(), config.rules, entries, registry, services.asOf, groups);
  if (trace) {
    trace.entries = entries;
    trace.corpus = fromCorpus;
    trace.groups = groups!;
  }
  pushAll(raw, fromCorpus);
  if (consume) {
    (analyses as FileAnalysis[]).length = 0;
    // What suppressions read, without the records and facts.
    entries = entries.map((e) => (e.article ? e : { file: e.file, lines: e.lines, records: [], verdicts: [], suppressions: e.suppressions! }));
  }

  const known = knownRules();
  const byFile = new Map<string, RawFinding[]>();
  for (const f of raw) {
    const list = byFile.get(f.file);
    if (list) list.push(f);
    else byFile.set(f.file, [f]);
  }
  raw = [];
  const kept: RawFinding[] = [];
  for (const e of entries) {
    pushAll(kept, suppressed(byFile.get(e.file) ?? [], e, known));
    byFile.delete(e.file);
  }
  entries = [];
  // Files that never parsed (binary, unreadable) keep their input messages.
  for (const rest of byFile.values()) pushAll(kept, rest);
  byFile.clear();
  return finalise(kept, consume);
}

/** The rule ids a suppression directive may name. */
export function knownRules(): Set<string> {
  return new Set(ruleIds());
}

/** A file's findings (its own, then the corpus rules') after its suppression directives. */
export function suppressed(own: readonly RawFinding[], e: CorpusEntry, known: ReadonlySet<string>): RawFinding[] {
  return e.article ? applySuppressions(own, e.article, e.lines, known) : applySuppressionPlan(own, e.suppressions!, e.lines, known);
}
