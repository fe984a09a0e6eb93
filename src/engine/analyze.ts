import type { Article, ClaimRecord, FactRecord, SourceFile, Verdict } from '../types.js';
import type { Registry } from '../registry/types.js';
import type { Cues } from '../extract/cues.js';
import type { AsOf, FileRule } from '../kernel/rule.js';
import type { RawFinding } from '../kernel/messages.js';
import { toFinding } from '../kernel/messages.js';
import { runFileRules, settingFor, type RuleSettings } from '../kernel/run-rules.js';
import { LineIndex } from '../text/position.js';
import { decode } from './decode.js';
import { parseArticle, type PageStructure } from '../parse/index.js';
import { readSentence } from '../extract/claims.js';
import { judge } from '../verdict/judge.js';
import { unitRegionName } from '../region/unit-region.js';
import { inputMeta } from '../rules/input.js';
import type { DiscoveredFile } from './discover.js';
import { defaultFactServices, extractFacts, type FactServices } from '../facts/extract.js';
import { pushAll } from '../arrays.js';

/** What every file's analysis needs; built once per run. */
export interface Services {
  readonly registry: Registry;
  readonly cues: Cues;
  readonly structure: PageStructure;
  readonly asOf: AsOf;
  readonly rules: readonly FileRule[];
  readonly settings: RuleSettings;
  /** Fact keys, gazetteer and cues for the facts stage (default: the bundled data). */
  readonly facts?: FactServices;
}

export interface FileAnalysis {
  readonly file: string;
  readonly article?: Article;
  readonly lines?: LineIndex;
  readonly records: readonly ClaimRecord[];
  readonly verdicts: readonly Verdict[];
  /** Fact records for corpus-wide consistency (src/facts). */
  readonly facts: readonly FactRecord[];
  readonly findings: readonly RawFinding[];
  /** Set when the file could not be read at all: the run exits 2. */
  readonly unreadable?: string;
}

type Stage = 'read' | 'decode' | 'parse' | 'extract' | 'facts' | 'judge' | 'rules';

/**
 * One file through the named stages (read → decode → parse → extract →
 * judge → rules). A failure in any stage becomes a message on this file,
 * never the end of the run.
 */
export function analyzeFile(df: DiscoveredFile, bytes: Uint8Array | Error, services: Services): FileAnalysis {
  const file = df.display;
  const findings: RawFinding[] = [];
  const input = settingFor(services.settings, inputMeta.id);
  let lines = new LineIndex('');
  const note = (severity: 'error' | 'warning' | 'info', message: string, line = 1, column = 1) => {
    if (!input.enabled) return;
    const start = lines.lineStart(line) + column - 1;
    findings.push(
      toFinding(inputMeta.id, input.severity ?? severity, file, lines, { message, node: { text: '', span: { start, end: start } } }, () => undefined),
    );
  };
  const empty = (unreadable?: string): FileAnalysis => ({ file, records: [], verdicts: [], facts: [], findings, ...(unreadable ? { unreadable } : {}) });

  let failed: Stage | undefined;
  const stage = <T>(name: Stage, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      failed = name;
      note('error', `the ${name} stage failed: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  };

  if (bytes instanceof Error) {
    note('error', `cannot read the file: ${bytes.message}`);
    return empty(bytes.message);
  }
  const decoded = stage('decode', () => decode(bytes));
  if (!decoded) return empty();
  if (!decoded.ok) {
    note(decoded.reason === 'binary' ? 'warning' : 'info', `${decoded.message}; skipped`);
    return empty();
  }
  lines = new LineIndex(decoded.text);
  for (const n of decoded.notes) note(n.severity, n.message, n.line);

  const source: SourceFile = { path: file, text: decoded.text, encoding: decoded.encoding, format: df.format };
  const parsed = stage('parse', () => parseArticle(source, services.structure));
  if (!parsed) return { ...empty(), lines };
  for (const p of parsed.problems) note(p.severity, p.message, p.line, p.column);
  const article = parsed.article;

  const records = stage('extract', () => extractArticle(article, services)) ?? [];
  const facts = stage('facts', () => extractFacts(article, services.facts ?? defaultFactServices(services.cues))) ?? [];
  const verdicts = stage('judge', () => records.map((r) => judge(services.registry, r))) ?? [];
  if (!failed) {
    const ruleFindings = stage('rules', () =>
      runFileRules(services.rules, services.settings, { file, article, lines, registry: services.registry, asOf: services.asOf, verdicts }),
    );
    if (ruleFindings) pushAll(findings, ruleFindings);
  }
  return { file, article, lines, records, verdicts, facts, findings };
}

/** Claim records of every sentence, with the heading above each as context. */
export function extractArticle(article: Article, services: Pick<Services, 'registry' | 'cues'>): ClaimRecord[] {
  const records: ClaimRecord[] = [];
  // Records of the previous sentence when it was a question: a "不能。" answer flips them.
  let question: { unitIndex: number; from: number } | undefined;
  let heading: string | undefined;
  let headingUnit = -1;
  // One surroundings, base and region lookup per article, updated per sentence: this loop runs for every sentence of the corpus.
  const around: { heading?: string | undefined; unitTitle?: string | undefined } = { heading: undefined, unitTitle: undefined };
  const base = { file: article.file.path, unitIndex: 0 };
  // Front matter region, else the unit's title, else its parent's (src/region/unit-region.ts);
  // looked up only for a sentence that yields records.
  const regionOf = () => unitRegionName(article, base.unitIndex);
  for (const sentence of article.sentences) {
    if (sentence.unitIndex !== headingUnit) {
      heading = undefined;
      headingUnit = sentence.unitIndex;
    }
    if (question && question.unitIndex === sentence.unitIndex && services.cues.answerNo.test(sentence.text)) {
      const answered = answeredNo(records.slice(question.from), services.registry);
      records.length = question.from;
      pushAll(records, answered);
    }
    question = undefined;
    around.heading = heading;
    if (base.unitIndex !== sentence.unitIndex || around.unitTitle === undefined) around.unitTitle = article.units[sentence.unitIndex]?.title?.text;
    base.unitIndex = sentence.unitIndex;
    const before = records.length;
    readSentence(services.registry, services.cues, sentence, around, base, records, regionOf);
    const added = records.length - before;
    if (added > 0 && records[records.length - 1]!.framing === 'question') question = { unitIndex: sentence.unitIndex, from: before };
    if (isHeadingLike(sentence.text, sentence.isTitle)) heading = sentence.text;
  }
  return records;
}

/**
 * A question answered "no" in the next sentence asserts the opposite value
 * (能取出来吗？答：不能。); a value with no opposite says nothing.
 */
function answeredNo(records: readonly ClaimRecord[], registry: Registry): ClaimRecord[] {
  return records.flatMap((r) => {
    const opposite = registry.byId.get(r.claimId)?.valueByName.get(r.value)?.negation;
    return opposite ? [{ ...r, value: opposite, polarity: r.polarity === 'negated' ? ('affirmed' as const) : ('negated' as const), framing: 'plain' as const }] : [];
  });
}

// A short line with no sentence-final punctuation reads as a heading ("二、停缴后个人账户资金的使用规则").
// Checked by hand rather than with /[。！？；.!?;，,：:]\s*$/u: this runs for every short sentence.
const FINAL_PUNCT = new Set([...'。！？；.!?;，,：:'].map((c) => c.charCodeAt(0)));
function isHeadingLike(text: string, isTitle: boolean): boolean {
  if (isTitle) return true;
  if (text.length > 32) return false;
  let i = text.length - 1;
  while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
  return !(i >= 0 && FINAL_PUNCT.has(text.charCodeAt(i)));
}

/** What \s matches in a regex (WhiteSpace and LineTerminator code units). */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
