import { msg, type Message } from '../i18n/message.js';
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
import { extractArticle as readArticle, type ArticleReader } from '../extract/article.js';
import { judge } from '../verdict/judge.js';
import { unitRegionName } from '../region/unit-region.js';
import { inputMeta } from '../rules/input.js';
import type { DiscoveredFile } from './discover.js';
import { defaultFactServices, extractFacts, type FactServices } from '../facts/sentence-facts.js';
import { articleViews, asWritten, claimsAtSource, factAtSource, type ArticleViews } from './views.js';
import { pushAll } from '../arrays.js';
import type { SuppressionPlan } from '../kernel/suppressions.js';

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
  /** False: no corpus rule compares fact records, so the facts stage is skipped (default: read them). */
  readonly readFacts?: boolean;
}

export interface FileAnalysis {
  readonly file: string;
  readonly article?: Article;
  readonly lines?: LineIndex;
  /**
   * The file's claim records. In a compact analysis (src/engine/compact.ts)
   * only the records of the verdicts kept, with the fields the corpus stage
   * reads (CompactRecord), and `claims` says how many the file had.
   */
  readonly records: readonly ClaimRecord[];
  /** The number of claim records the file stage read (absent: records.length). */
  readonly claims?: number;
  readonly verdicts: readonly Verdict[];
  /** Fact records for corpus-wide consistency (src/facts). */
  readonly facts: readonly FactRecord[];
  readonly findings: readonly RawFinding[];
  /** Set when the file could not be read at all: the run exits 2. */
  readonly unreadable?: string;
  /** A compact analysis (src/engine/compact.ts) keeps this instead of the parsed article. */
  readonly suppressions?: SuppressionPlan;
}

type Stage = 'read' | 'decode' | 'parse' | 'normalize' | 'extract' | 'facts' | 'judge' | 'rules';

/**
 * A file left unread on purpose (over maxFileBytes): a warning on the file, the
 * run goes on and its exit code is not touched, as the config schema promises.
 */
export class SkippedInput extends Error {
  constructor(readonly reason: Message) {
    super(reason.id);
  }
}

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
  const note = (severity: 'error' | 'warning' | 'info', message: Message, line = 1, column = 1) => {
    if (!input.enabled) return;
    const start = lines.lineStart(line) + column - 1;
    findings.push(
      toFinding(inputMeta.id, input.severity ?? severity, file, lines, { messageId: message.id, ...(message.data ? { data: message.data } : {}), node: { text: '', span: { start, end: start } } }, () => undefined),
    );
  };
  const empty = (unreadable?: string): FileAnalysis => ({ file, records: [], verdicts: [], facts: [], findings, ...(unreadable ? { unreadable } : {}) });

  let failed: Stage | undefined;
  const stage = <T>(name: Stage, fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (err) {
      failed = name;
      note('error', msg('input.stage-failed', { stage: name, reason: err instanceof Error ? err.message : String(err) }));
      return undefined;
    }
  };

  if (bytes instanceof SkippedInput) {
    note('warning', msg('input.skipped', { reason: bytes.reason }));
    return empty();
  }
  if (bytes instanceof Error) {
    note('error', msg('input.unreadable', { reason: bytes.message }));
    return empty(bytes.message);
  }
  const decoded = stage('decode', () => decode(bytes));
  if (!decoded) return empty();
  if (!decoded.ok) {
    note(decoded.reason === 'binary' ? 'warning' : 'info', msg('input.skipped', { reason: decoded.message }));
    return empty();
  }
  lines = new LineIndex(decoded.text);
  for (const n of decoded.notes) note(n.severity, n.message, n.line);

  const source: SourceFile = { path: file, text: decoded.text, encoding: decoded.encoding, format: df.format };
  const parsed = stage('parse', () => parseArticle(source, services.structure));
  if (!parsed) return { ...empty(), lines };
  for (const p of parsed.problems) note(p.severity, p.message, p.line, p.column);
  const article = parsed.article;

  // Claims and facts are read from the matching view (spaces between CJK characters, zero-width
  // characters, full-width digits and traditional characters normalised) and reported at source positions.
  // If that fails (reported like any stage), the article is read as written.
  const views = stage('normalize', () => articleViews(article)) ?? asWritten(article);
  const records = stage('extract', () => claimsOfViews(views, services)) ?? [];
  const facts = services.readFacts === false ? [] : (stage('facts', () => extractFactsAtSource(views, services.facts ?? defaultFactServices(services.cues))) ?? []);
  const verdicts = stage('judge', () => records.map((r) => judge(services.registry, r))) ?? [];
  if (!failed) {
    const ruleFindings = stage('rules', () =>
      runFileRules(services.rules, services.settings, { file, article, lines, registry: services.registry, asOf: services.asOf, verdicts }),
    );
    if (ruleFindings) pushAll(findings, ruleFindings);
  }
  return { file, article, lines, records, verdicts, facts, findings };
}

/** Fact records of the article's matching view, at source positions. */
function extractFactsAtSource(views: ArticleViews, services: FactServices): FactRecord[] {
  const facts = extractFacts(views.article, services);
  for (let k = 0; k < facts.length; k++) {
    const n = views.sourceOf(facts[k]!.sentence);
    if (n) facts[k] = factAtSource(n, facts[k]!);
  }
  return facts;
}

/** Claim records of an article, read through its matching view, at source positions. */
export function extractArticle(article: Article, services: Pick<Services, 'registry' | 'cues'>): ClaimRecord[] {
  return claimsOfViews(articleViews(article), services);
}

/** Claim records of the article's matching view, at source positions. */
function claimsOfViews(views: ArticleViews, services: Pick<Services, 'registry' | 'cues'>): ClaimRecord[] {
  const records = readArticle(views.article, readerOf(services));
  for (let k = 0; k < records.length; k++) {
    const n = views.sourceOf(records[k]!.sentence);
    if (n) claimsAtSource(n, records, k, k + 1);
  }
  return records;
}

/** The article reader for a run's services (one per registry and cue set). */
const readers = new WeakMap<Registry, ArticleReader>();
export function readerOf(services: Pick<Services, 'registry' | 'cues'>): ArticleReader {
  let r = readers.get(services.registry);
  if (!r || r.cues !== services.cues) {
    r = {
      registry: services.registry,
      cues: services.cues,
      regionOf: (article, unitIndex) => unitRegionName(article, unitIndex),
    };
    readers.set(services.registry, r);
  }
  return r;
}
