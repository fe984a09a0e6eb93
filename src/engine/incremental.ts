// The incremental corpus stage: a run with a warm cache works from what
// changed since the last cached run, not from every file's analysis.
//
// After a full run the cache keeps the run's corpus stage (`state.bin`
// beside the entries, a packed file: src/engine/packed-file.ts):
//   - per file, its entry key, its number of claim records, the groups its
//     records fall in, and three pieces: its finished findings (suppressed,
//     sorted, fingerprinted), its line starts, and the corpus rules' findings
//     on it before suppressions, each with its group;
//   - per group (corpus-conflict: a fact key or a claim key; records of one
//     group are compared only with each other), its first record's place and
//     a piece with its records in corpus order and the files it reported on.
//
// A later run compares each file's entry key with the stored one. Only the
// changed (added, modified) files are analysed; only the groups that their
// old or new records fall in (or a deleted file's) are compared again, from
// the stored records of the other files plus the changed files' new ones;
// only the files whose corpus findings come out different, and the changed
// files, are suppressed and fingerprinted again, from their cache entries.
// Every other file's finished findings are taken as stored: its entry is not
// decoded at all. The result is the full run's, byte for byte: findings are
// sorted by file first and fingerprints counted per file, so a file's
// finished findings depend only on its own findings and its corpus findings,
// and those only on the groups it is in.
import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import { RunFailure } from '../failure.js';
import { msg } from '../i18n/message.js';
import type { FactRecord, Finding, Verdict } from '../types.js';
import type { Config } from '../config/config.js';
import type { Registry } from '../registry/types.js';
import type { CorpusEntry } from '../kernel/rule.js';
import { finalise, localizeFindings, type RawFinding } from '../kernel/messages.js';
import type { Locale } from '../i18n/catalogue.js';
import { findingsJson } from './json-findings.js';
import type { StoredFindings } from './report.js';
import { runCorpusRules } from '../kernel/run-rules.js';
import { claimGroup, claimKeyer, factGroup } from '../facts/conflicts.js';
import { LineIndex } from '../text/position.js';
import { corpusEntries, corpusRules, knownRules, suppressed, type CorpusTrace } from './corpus.js';
import type { FileAnalysis, Services } from './analyze.js';
import type { RunInput } from './read.js';
import { isPieceRef, PackDamaged, PackedReader, PackedWriter, type PackedOutput, type PieceRef } from './packed-file.js';
import { FileColumnsWriter, isFileColumns, PIECE_KINDS, StoredFiles, type FileColumns, type PieceKind, type StoredFile } from './state-files.js';

// 2: the files as columns (src/engine/state-files.ts). 3: a file's lines as its line starts' bytes (LineIndex.startsBytes).
// A state of another format is no state: the run does the whole corpus stage.
const STATE_FORMAT = 'corpus-state-3';
/** The corpus rule whose groups are tracked, and its two kinds of group (CorpusReport.key of src/rules/corpus-conflict.ts). */
const CONFLICT_RULE = 'corpus-conflict';
const FACT_PREFIX = `${CONFLICT_RULE}\u0000${factGroup('')}`;
const CLAIM_PREFIX = `${CONFLICT_RULE}\u0000${claimGroup('')}`;

interface StoredGroup {
  readonly key: string;
  /** The group's first record: its file and its place among that file's facts or verdicts. */
  readonly firstFile: string;
  readonly firstOrdinal: number;
  readonly piece: PieceRef;
}

interface Header {
  readonly format: string;
  /** The language the report pieces are rendered in. */
  readonly locale: string;
  readonly files: FileColumns;
  readonly groups: readonly StoredGroup[];
}

/** A record of a group: a fact (fact groups) or a verdict (claim groups), with its place in its file. */
interface GroupItem {
  readonly file: string;
  readonly ordinal: number;
  readonly record: FactRecord | Verdict;
}

interface GroupPiece {
  readonly items: readonly GroupItem[];
  /** The files the group's corpus findings are on. */
  readonly reported: readonly string[];
}

/** A corpus finding with its group, as stored per file. */
interface CorpusFinding {
  readonly group: string;
  readonly raw: RawFinding;
}

/** The whole run's findings and claim count, as a full run gives them. */
export interface IncrementalResult {
  readonly findings: StoredFindings;
  readonly claims: number;
  /** The analyses of the files this run analysed (input failures are read from them). */
  readonly analysed: readonly FileAnalysis[];
}

function isHeader(v: unknown): v is Header {
  const h = v as Partial<Header> | undefined;
  if (!h || typeof h !== 'object' || h.format !== STATE_FORMAT || typeof h.locale !== 'string' || !Array.isArray(h.groups)) return false;
  return (
    isFileColumns(h.files, h.groups.length) &&
    h.groups.every((g: Partial<StoredGroup>) => !!g && typeof g.key === 'string' && typeof g.firstFile === 'string' && Number.isInteger(g.firstOrdinal) && isPieceRef(g.piece))
  );
}

/** A header of an earlier (or later) state format: not damage, only a state this build does not read. */
function otherFormat(v: unknown): boolean {
  const h = v as { format?: unknown } | undefined;
  return !!h && typeof h === 'object' && typeof h.format === 'string' && h.format.startsWith('corpus-state-') && h.format !== STATE_FORMAT;
}

/** The groups of a file's records, each with the records that fall in it (in file order). */
function groupsOf(e: CorpusEntry, keyer: ReturnType<typeof claimKeyer>): Map<string, GroupItem[]> {
  const out = new Map<string, GroupItem[]>();
  const add = (key: string, item: GroupItem) => {
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  };
  (e.facts ?? []).forEach((f, ordinal) => add(`${CONFLICT_RULE}\u0000${factGroup(f.key)}`, { file: e.file, ordinal, record: f }));
  e.verdicts.forEach((v, ordinal) => {
    const at = keyer(v);
    if (at) add(`${CONFLICT_RULE}\u0000${claimGroup(at.key)}`, { file: e.file, ordinal, record: v });
  });
  return out;
}

/**
 * What a group's findings read of one file: its records in the group, their
 * places in the file, and the line and column of every span in them (where a
 * finding or a related location points). Two versions of a file with the same
 * digest in a group give that group the same findings.
 */
function itemsDigest(items: readonly GroupItem[], lines: LineIndex): string {
  const positions: number[] = [];
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) walk(x);
      return;
    }
    const o = v as Record<string, unknown>;
    const at = (offset: number) => {
      const p = lines.position(offset);
      positions.push(p.line, p.column);
    };
    if (typeof o['start'] === 'number' && typeof o['end'] === 'number') {
      at(o['start']);
      at(o['end']);
    }
    // A node's end as toFinding takes it: its start plus its text's length.
    const span = o['span'] as { start?: unknown } | undefined;
    if (typeof o['text'] === 'string' && span && typeof span.start === 'number') at(span.start + o['text'].length);
    for (const k in o) walk(o[k]);
  };
  for (const x of items) walk(x.record);
  return createHash('sha1').update(JSON.stringify([items.map((x) => [x.ordinal, x.record]), positions])).digest('base64');
}

/** Whether the state's groups are the ones the rules report on: only corpus-conflict's are tracked. */
function onlyTrackedRules(): boolean {
  return corpusRules().every((r) => r.meta.id === CONFLICT_RULE);
}

const detachedLines = (bytes: Uint8Array): LineIndex => {
  const lines = LineIndex.fromStartsBytes(bytes);
  if (!lines) throw new PackDamaged('lines');
  return lines;
};

/**
 * Order of a file's corpus findings in a full run: the rule's fact groups, then
 * its claim groups, each in the order of the group's first record in the corpus.
 */
function groupOrder(position: ReadonlyMap<string, number>) {
  return (a: { kind: number; file: string; ordinal: number }, b: { kind: number; file: string; ordinal: number }) =>
    a.kind - b.kind || position.get(a.file)! - position.get(b.file)! || a.ordinal - b.ordinal;
}
const kindOf = (group: string) => (group.startsWith(FACT_PREFIX) ? 0 : group.startsWith(CLAIM_PREFIX) ? 1 : 2);

/** The state of a full run (the trace of its corpus stage). Files are the run's, in corpus order. */
export function saveFullState(
  files: readonly { name: string; entry: string | undefined; analysis: { claims: number; unreadable: boolean } }[],
  trace: CorpusTrace,
  findings: readonly Finding[],
  registry: Registry,
  locale: Locale,
): PackedOutput | undefined {
  if (!onlyTrackedRules()) return undefined;
  const position = new Map(files.map((f, i) => [f.name, i]));
  // Finished findings per file: sorted by file, so each file's are one run of the list.
  const finished = new Map<string, Finding[]>();
  for (const f of findings) {
    if (!position.has(f.file)) return undefined;
    const list = finished.get(f.file);
    if (list) list.push(f);
    else finished.set(f.file, [f]);
  }
  const corpusOf = new Map<string, CorpusFinding[]>();
  for (let i = 0; i < trace.corpus.length; i++) {
    const group = trace.groups[i];
    const raw = trace.corpus[i]!;
    if (group === undefined) return undefined;
    const list = corpusOf.get(raw.file);
    if (list) list.push({ group, raw });
    else corpusOf.set(raw.file, [{ group, raw }]);
  }
  const keyer = claimKeyer(registry);
  const items = new Map<string, GroupItem[]>();
  const fileGroups = new Map<string, Map<string, string>>();
  const linesOf = new Map<string, LineIndex>();
  for (const e of trace.entries) {
    linesOf.set(e.file, e.lines);
    const own = groupsOf(e, keyer);
    fileGroups.set(e.file, digestsOf(own, e.lines));
    for (const [key, list] of own) {
      const all = items.get(key);
      if (all) for (const x of list) all.push(x);
      else items.set(key, list);
    }
  }
  const reported = new Map<string, Set<string>>();
  for (const [file, list] of corpusOf) for (const c of list) (reported.get(c.group) ?? reported.set(c.group, new Set()).get(c.group)!).add(file);
  return writeState(new PackedWriter(), locale, files, position, items, reported, fileGroups, {
    findings: (name) => finished.get(name) ?? [],
    lines: (name) => linesOf.get(name),
    corpus: (name) => corpusOf.get(name) ?? [],
    report: (name) => rendering(finished.get(name) ?? [], locale),
  });
}

/** Each group of a file with the digest of the file's records in it. */
function digestsOf(groups: ReadonlyMap<string, readonly GroupItem[]>, lines: LineIndex): Map<string, string> {
  return new Map([...groups].map(([key, items]) => [key, itemsDigest(items, lines)]));
}

interface PieceSource {
  findings(name: string): readonly Finding[];
  lines(name: string): LineIndex | undefined;
  corpus(name: string): readonly CorpusFinding[];
  report(name: string): Rendering;
}

/** A file's finished findings rendered for the JSON report, and counted. */
interface Rendering {
  readonly text: string;
  readonly counts: readonly [number, number, number];
}

function rendering(findings: readonly Finding[], locale: Locale): Rendering {
  const counts: [number, number, number] = [0, 0, 0];
  for (const f of findings) counts[f.severity === 'error' ? 0 : f.severity === 'warning' ? 1 : 2]++;
  return { text: findingsJson(localizeFindings(findings, locale)), counts };
}

/** A piece of the stored state, kept as it is. */
type Carried = { readonly carried: PieceRef };

function writeState(
  w: PackedWriter,
  locale: Locale,
  files: readonly { name: string; entry: string | undefined; analysis: { claims: number; unreadable: boolean } }[],
  position: ReadonlyMap<string, number>,
  items: ReadonlyMap<string, readonly GroupItem[]>,
  reported: ReadonlyMap<string, ReadonlySet<string>>,
  fileGroups: ReadonlyMap<string, ReadonlyMap<string, string>>,
  pieces: { [K in Exclude<keyof PieceSource, 'report'>]: (name: string) => ReturnType<PieceSource[K]> | Carried } & {
    report: (name: string) => Rendering | (Carried & { counts: readonly [number, number, number] });
  },
  carriedGroups: ReadonlyMap<string, StoredGroup> = new Map(),
  /**
   * The stored rows of files this run left alone (none of their pieces made
   * anew): while the writer appends, each is copied column to column, its
   * pieces where they were. `oldGroups`: the groups its group indices name.
   */
  untouched?: { readonly from: StoredFiles; readonly oldGroups: readonly StoredGroup[]; readonly row: (name: string) => number | undefined },
): PackedOutput {
  const putReport = (v: Rendering | (Carried & { counts: readonly [number, number, number] })) =>
    'carried' in v ? { ref: w.carry(v.carried), counts: v.counts } : { ref: w.addRaw(Buffer.from(v.text, 'utf8')), counts: v.counts };
  const put = (v: unknown): PieceRef => (v && typeof v === 'object' && 'carried' in v ? w.carry((v as Carried).carried) : w.add(v));
  const groups: StoredGroup[] = [];
  const groupIndex = new Map<string, number>();
  for (const [key, list] of items) {
    if (list.length === 0) continue;
    groupIndex.set(key, groups.length);
    groups.push({ key, firstFile: list[0]!.file, firstOrdinal: list[0]!.ordinal, piece: w.add({ items: list, reported: [...(reported.get(key) ?? [])].sort((a, b) => position.get(a)! - position.get(b)!) } satisfies GroupPiece) });
  }
  for (const [key, group] of carriedGroups) {
    groupIndex.set(key, groups.length);
    groups.push({ ...group, piece: w.carry(group.piece) });
  }
  // Unreadable files and files without a key are analysed again by every run: they are not stored.
  const kept = files.filter((f) => f.entry !== undefined && !f.analysis.unreadable);
  const copied = kept.map((f) => (untouched && w.appending ? untouched.row(f.name) : undefined));
  const made = kept.filter((_, i) => copied[i] === undefined);
  // Pieces of one kind lie together, each kind in a pass of its own: a warm run reads every file's
  // report piece and the line starts of a touched group's files, and reads neighbours in one call
  // (PackedReader.prefetch), so interleaved kinds would make it read the whole pieces file.
  const findings = made.map((f) => put(pieces.findings(f.name)));
  const lines = made.map((f) => {
    const l = pieces.lines(f.name);
    // No lines (a file without an analysis to point into): an empty piece.
    return l && 'carried' in l ? w.carry(l.carried) : w.addRaw(l ? l.startsBytes() : Buffer.alloc(0));
  });
  const corpus = made.map((f) => put(pieces.corpus(f.name)));
  const reports = made.map((f) => putReport(pieces.report(f.name)));
  let remap: Int32Array | undefined;
  if (untouched) {
    remap = new Int32Array(untouched.oldGroups.length).fill(-1);
    untouched.oldGroups.forEach((g, k) => (remap![k] = groupIndex.get(g.key) ?? -1));
  }
  const columns = new FileColumnsWriter(kept.length);
  let m = 0;
  kept.forEach((f, i) => {
    const row = copied[i];
    if (row !== undefined) {
      w.keptInPlace(untouched!.from.pieceBytes(row));
      columns.copy(untouched!.from, row, remap!);
      return;
    }
    const own = [...(fileGroups.get(f.name) ?? [])].filter(([g]) => groupIndex.has(g));
    columns.add({
      name: f.name,
      entry: f.entry!,
      claims: f.analysis.claims,
      groups: own.map(([g]) => groupIndex.get(g)!),
      digests: own.map(([, d]) => d),
      findings: findings[m]!,
      lines: lines[m]!,
      corpus: corpus[m]!,
      report: reports[m]!.ref,
      counts: reports[m]!.counts,
    });
    m++;
  });
  return w.finish({ format: STATE_FORMAT, locale, files: columns.finish(), groups } satisfies Header);
}

/**
 * The run's findings from the stored state and the changed files, or undefined
 * when there is no state (or it cannot serve this run): the caller runs the
 * whole corpus stage. PackDamaged when the state is not intact. `analyse` gives
 * a file's compact analysis (from its cache entry or by analysing it).
 * `save` receives the state for the next run.
 */
export function incrementalCorpus(
  path: string,
  inputs: readonly RunInput[],
  analyse: (input: RunInput) => FileAnalysis,
  config: Config,
  registry: Registry,
  services: Services,
  locale: Locale,
  /** Read and check the stored findings now (else only if they are read: see RunOptions.jsonReportOnly). */
  checkFindings = true,
): { result: IncrementalResult; state: PackedOutput } | undefined {
  if (!onlyTrackedRules() || inputs.some((i) => !i.key)) return undefined;
  const reader = PackedReader.open(path);
  if (!reader) return undefined;
  if (otherFormat(reader.value)) return undefined;
  if (!isHeader(reader.value)) throw new PackDamaged('header layout');
  const header = reader.value;
  const names = inputs.map((i) => i.file.display);
  const position = new Map(names.map((n, i) => [n, i]));
  // The stored files' rows, read where needed (src/engine/state-files.ts).
  const stored = new StoredFiles(header.files);
  const changed = inputs.filter((i) => {
    const row = stored.indexOf(i.file.display);
    return row === undefined || stored.entry(row) !== i.key;
  });
  const changedNames = new Set(changed.map((i) => i.file.display));
  const gone: StoredFile[] = [];
  for (let row = 0; row < stored.size; row++) {
    const name = stored.name(row);
    if (!position.has(name) || changedNames.has(name)) gone.push(stored.row(row));
  }
  const goneNames = new Set(gone.map((f) => f.name));

  // The changed files' analyses and the groups their new records fall in.
  const keyer = claimKeyer(registry);
  const fresh = new Map<string, { analysis: FileAnalysis; entry: CorpusEntry | undefined; groups: Map<string, GroupItem[]>; digests: Map<string, string> }>();
  for (const input of changed) {
    const analysis = analyse(input);
    const [entry] = corpusEntries([analysis]);
    const groups = entry ? groupsOf(entry, keyer) : new Map<string, GroupItem[]>();
    fresh.set(input.file.display, { analysis, entry, groups, digests: entry ? digestsOf(groups, entry.lines) : new Map() });
  }
  // The groups to compare again: those a deleted file was in, and those where a changed file's records (or their places) differ.
  const touched = new Set<string>();
  for (const f of gone) {
    const now = fresh.get(f.name)?.digests;
    f.groups.forEach((g, k) => {
      const key = header.groups[g]!.key;
      if (now?.get(key) !== f.digests[k]) touched.add(key);
    });
  }
  for (const [name, { digests }] of fresh) {
    const was = stored.get(name);
    const before = new Map(was ? was.groups.map((g, k) => [header.groups[g]!.key, was.digests[k]!]) : []);
    for (const [key, d] of digests) if (before.get(key) !== d) touched.add(key);
  }

  // The touched groups' records: the stored ones of unchanged files, then the changed files' new ones, in corpus order.
  const storedGroups = new Map(header.groups.map((g) => [g.key, g]));
  const items = new Map<string, GroupItem[]>();
  const oldReported = new Set<string>();
  reader.prefetch([...touched].flatMap((key) => storedGroups.get(key)?.piece ?? []));
  for (const key of touched) {
    const g = storedGroups.get(key);
    const list: GroupItem[] = [];
    if (g) {
      const piece = reader.decoded(g.piece) as GroupPiece;
      if (!piece || !Array.isArray(piece.items) || !Array.isArray(piece.reported)) throw new PackDamaged('group');
      for (const x of piece.items) if (!goneNames.has(x.file)) list.push(x);
      for (const f of piece.reported) oldReported.add(f);
    }
    for (const { groups } of fresh.values()) for (const x of groups.get(key) ?? []) list.push(x);
    list.sort((a, b) => position.get(a.file)! - position.get(b.file)! || a.ordinal - b.ordinal);
    items.set(key, list);
  }

  // The corpus rules over the touched groups' records only.
  const linesOf = new Map<string, LineIndex>();
  const lineOf = (name: string): LineIndex => {
    let l = linesOf.get(name);
    if (!l) {
      const own = fresh.get(name);
      l = own ? own.entry!.lines : detachedLines(reader.bytes(stored.refOf(name, 'lines')!));
      linesOf.set(name, l);
    }
    return l;
  };
  const involved = new Set<string>();
  for (const list of items.values()) for (const x of list) involved.add(x.file);
  reader.prefetch([...involved].flatMap((name) => (fresh.has(name) ? [] : [stored.refOf(name, 'lines')!])));
  const byFile = new Map<string, { facts: FactRecord[]; verdicts: Verdict[]; ordinals: [number[], number[]] }>();
  for (const [key, list] of items) {
    const fact = kindOf(key) === 0;
    for (const x of list) {
      let e = byFile.get(x.file);
      if (!e) byFile.set(x.file, (e = { facts: [], verdicts: [], ordinals: [[], []] }));
      (fact ? e.ordinals[0] : e.ordinals[1]).push(x.ordinal);
      if (fact) e.facts.push(x.record as FactRecord);
      else e.verdicts.push(x.record as Verdict);
    }
  }
  const entries: CorpusEntry[] = [...byFile.keys()]
    .sort((a, b) => position.get(a)! - position.get(b)!)
    .map((file) => {
      const e = byFile.get(file)!;
      return { file, lines: lineOf(file), records: [], facts: inFileOrder(e.facts, e.ordinals[0]), verdicts: inFileOrder(e.verdicts, e.ordinals[1]) };
    });
  const groupsOut: Array<string | undefined> = [];
  const raws = runCorpusRules(corpusRules(), config.rules, entries, registry, services.asOf, groupsOut);
  const newCorpus = new Map<string, CorpusFinding[]>();
  const reported = new Map<string, Set<string>>();
  for (let i = 0; i < raws.length; i++) {
    const group = groupsOut[i];
    // A finding of a group this run did not recompute cannot be told apart from a stored one.
    if (group === undefined || !touched.has(group)) return undefined;
    const raw = raws[i]!;
    (newCorpus.get(raw.file) ?? newCorpus.set(raw.file, []).get(raw.file)!).push({ group, raw });
    (reported.get(group) ?? reported.set(group, new Set()).get(group)!).add(raw.file);
  }

  // Each file's corpus findings in a full run's order: untouched groups as stored, touched ones recomputed.
  const firstOf = new Map<string, { kind: number; file: string; ordinal: number }>();
  for (const g of header.groups) if (!touched.has(g.key)) firstOf.set(g.key, { kind: kindOf(g.key), file: g.firstFile, ordinal: g.firstOrdinal });
  for (const [key, list] of items) if (list.length) firstOf.set(key, { kind: kindOf(key), file: list[0]!.file, ordinal: list[0]!.ordinal });
  const order = groupOrder(position);
  const merged = (name: string, old: readonly CorpusFinding[]): CorpusFinding[] =>
    [...old.filter((c) => !touched.has(c.group)), ...(newCorpus.get(name) ?? [])].sort((a, b) => order(firstOf.get(a.group)!, firstOf.get(b.group)!));

  const corpusFor = new Map<string, CorpusFinding[]>();
  const candidates = new Set<string>([...oldReported, ...newCorpus.keys()]);
  reader.prefetch([...candidates, ...fresh.keys()].flatMap((name) => stored.refOf(name, 'corpus') ?? []));
  for (const name of candidates) {
    if (!position.has(name) || fresh.has(name)) continue;
    const ref = stored.refOf(name, 'corpus');
    if (!ref) return undefined;
    const old = reader.decoded(ref) as CorpusFinding[];
    if (!Array.isArray(old)) throw new PackDamaged('corpus findings');
    const now = merged(name, old);
    if (JSON.stringify(now) !== JSON.stringify(old)) corpusFor.set(name, now);
  }
  for (const name of fresh.keys()) {
    // A changed file keeps its findings of the groups where its records are as they were.
    const was = stored.refOf(name, 'corpus');
    const old = was ? (reader.decoded(was) as CorpusFinding[]) : [];
    if (!Array.isArray(old)) throw new PackDamaged('corpus findings');
    corpusFor.set(name, merged(name, old));
  }

  // The changed files and those whose corpus findings changed: suppressed, sorted and fingerprinted again.
  const known = knownRules();
  const finished = new Map<string, Finding[]>();
  const analysed: FileAnalysis[] = [];
  const inputOf = new Map(inputs.map((i) => [i.file.display, i]));
  const claimsOf = new Map<string, number>();
  for (const [name, corpus] of corpusFor) {
    const own = fresh.get(name);
    const analysis = own ? own.analysis : analyse(inputOf.get(name)!);
    if (!own) analysed.push(analysis);
    const [entry] = own ? [own.entry] : corpusEntries([analysis]);
    const all = [...analysis.findings, ...corpus.map((c) => c.raw)];
    if (all.some((f) => f.file !== name) || (!entry && corpus.length)) return undefined;
    finished.set(name, finalise(entry ? suppressed(all, entry, known) : all));
  }
  for (const { analysis } of fresh.values()) {
    analysed.push(analysis);
    claimsOf.set(analysis.file, analysis.claims ?? analysis.records.length);
  }

  // The report's pieces: stored ones while they are in this run's language, else rendered again.
  const sameLocale = header.locale === locale;
  const decoded = (name: string): Finding[] => {
    const f = reader.decoded(stored.refOf(name, 'findings')!) as Finding[];
    if (!Array.isArray(f)) throw new PackDamaged('findings');
    return f;
  };
  const renderings = new Map<string, Rendering>();
  for (const [name, f] of finished) renderings.set(name, rendering(f, locale));
  if (!sameLocale) for (const name of names) if (!renderings.has(name)) renderings.set(name, rendering(decoded(name), locale));
  const counts = { error: 0, warning: 0, info: 0 };
  let claims = 0;
  for (const name of names) {
    const c = renderings.get(name)?.counts ?? stored.counts(stored.indexOf(name)!);
    counts.error += c[0];
    counts.warning += c[1];
    counts.info += c[2];
    claims += claimsOf.get(name) ?? stored.claims(stored.indexOf(name)!);
  }
  const reportOf = (name: string) => stored.ref(stored.indexOf(name)!, 'report');
  if (sameLocale) reader.prefetch(names.flatMap((name) => (renderings.has(name) ? [] : [reportOf(name)])));
  // Every stored piece the report takes is checked now: a damaged one must fail the run's stage here, not halfway through the report.
  const texts: Array<string | Uint8Array> = [];
  for (const name of names) {
    const r = renderings.get(name);
    const text = r ? r.text : reader.bytes(reportOf(name));
    if (text.length) texts.push(text);
  }
  // The findings are decoded only if something reads them, after this stage: their bytes are read and checked now.
  const kept = names.flatMap((name) => (finished.has(name) ? [] : [stored.ref(stored.indexOf(name)!, 'findings')]));
  const load = () => {
    reader.prefetch(kept);
    for (const ref of kept) reader.bytes(ref);
  };
  if (checkFindings) load();
  const findings: StoredFindings = {
    counts,
    load: () => {
      try {
        load();
        return names.flatMap((name) => finished.get(name) ?? decoded(name));
      } catch (err) {
        if (err instanceof PackDamaged) throw new RunFailure(msg('error.cache-damaged-late', { dir: dirname(dirname(dirname(path))) }));
        throw err;
      }
    },
    rendered: { texts: () => texts },
  };

  // The state for the next run: what changed anew, the rest carried over as stored.
  const carried = new Map<string, StoredGroup>();
  for (const g of header.groups) if (!touched.has(g.key)) carried.set(g.key, g);
  const writer = new PackedWriter(reader);
  // A file none of whose pieces is made anew: while the writer appends, its row is copied as it is.
  const untouched = (name: string) => (writer.appending && !fresh.has(name) && !corpusFor.has(name) && !renderings.has(name) ? stored.indexOf(name) : undefined);
  const fileGroups = new Map<string, ReadonlyMap<string, string>>();
  for (const name of names) {
    const own = fresh.get(name);
    if (own) fileGroups.set(name, own.digests);
    else if (untouched(name) === undefined) {
      const was = stored.get(name)!;
      fileGroups.set(name, new Map(was.groups.map((g, k) => [header.groups[g]!.key, was.digests[k]!])));
    }
  }
  const keep = (name: string, kind: PieceKind): Carried => ({ carried: stored.ref(stored.indexOf(name)!, kind) });
  // Written anew (too much of the pieces file is dead): every piece kept is read first, together.
  if (!writer.appending) {
    reader.prefetch([...carried.values()].map((g) => g.piece));
    for (const kind of PIECE_KINDS) reader.prefetch(names.flatMap((name) => (fresh.has(name) ? [] : [keep(name, kind).carried])));
  }
  const state = writeState(
    writer,
    locale,
    inputs.map((i) => {
      const name = i.file.display;
      const own = fresh.get(name)?.analysis;
      return { name, entry: i.key, analysis: own ? { claims: claimsOf.get(name)!, unreadable: own.unreadable !== undefined } : { claims: stored.claims(stored.indexOf(name)!), unreadable: false } };
    }),
    position,
    items,
    reported,
    fileGroups,
    {
      findings: (name) => finished.get(name) ?? keep(name, 'findings'),
      lines: (name) => (fresh.has(name) ? fresh.get(name)!.entry?.lines : keep(name, 'lines')),
      corpus: (name) => corpusFor.get(name) ?? keep(name, 'corpus'),
      report: (name) => renderings.get(name) ?? { ...keep(name, 'report'), counts: stored.counts(stored.indexOf(name)!) },
    },
    carried,
    { from: stored, oldGroups: header.groups, row: untouched },
  );
  return { result: { findings, claims, analysed }, state };
}

/** Records put back in the order they have in their file (they were gathered group by group). */
function inFileOrder<T>(records: readonly T[], ordinals: readonly number[]): T[] {
  const idx = records.map((_, i) => i).sort((a, b) => ordinals[a]! - ordinals[b]!);
  return idx.map((i) => records[i]!);
}
