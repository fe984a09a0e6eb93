// Past one machine: the file stage split over a CI system's own parallel jobs
// (GitHub Actions `strategy.matrix`, GitLab `parallel`), then one corpus stage.
//
//   claimlint check --shard K/N --records FILE   discover as usual, analyse the files of shard K, write their records
//   claimlint merge FILE...                      the corpus stage and the report over every shard's records
//
// A file belongs to a shard by a hash of its path, so the assignment does not
// depend on the machine, the order of discovery or the other files. The merge
// reads the shards' compact analyses back in discovery order and runs the same
// corpus stage and report as one unsharded run: the same `--format json`, byte
// for byte, and the same exit code.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync, renameSync, rmSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { msg, list, type Message } from '../i18n/message.js';
import { render, type Locale } from '../i18n/catalogue.js';
import { resolveLocale } from '../i18n/locale.js';
import { fsReasonRef } from '../fs-errors.js';
import { RunFailure } from '../failure.js';
import { setup } from './setup.js';
import { discoverRun } from './discover.js';
import { loadParsers } from '../parse/formats.js';
import { byteReader } from './read.js';
import { cachedAnalyzer, openCache, runIdentity, runInputs } from './analyze-cached.js';
import { compactAnalysis } from './compact.js';
import { corpusStage } from './corpus.js';
import { runResult } from './report.js';
import type { FileAnalysis } from './analyze.js';
import type { CheckOutcome, RunOptions } from './run.js';
import { endLine, fileLine, headerLine, parseRecordLine, RECORDS_VERSION, type ShardHeader } from './records.js';

export interface Shard {
  /** 1-based. */
  readonly index: number;
  readonly count: number;
}

/** `K/N` with 1 ≤ K ≤ N, or undefined. */
export function parseShard(spec: string): Shard | undefined {
  const m = /^(\d{1,6})\/(\d{1,6})$/.exec(spec.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && count >= 1 && index <= count ? { index, count } : undefined;
}

/** The shard (1-based) a file belongs to: by the path it is reported under, nothing else. */
export function shardOf(display: string, count: number): number {
  const h = createHash('sha1').update(display).digest();
  return (h.readUInt32BE(0) % count) + 1;
}

/**
 * The file stage of one shard: discovery as in an unsharded run, then only this
 * shard's files analysed, each written to the records file as soon as it is
 * done (a shard keeps no analyses in memory). The file is written under a
 * temporary name and renamed at the end, so a failed shard leaves none.
 */
export async function checkShard(options: RunOptions, shard: Shard, recordsFile: string): Promise<{ files: number; warnings: string[] }> {
  const { config, registry, services } = setup(options);
  const locale = resolveLocale(options.locale, config.locale, options.env);
  const found = await discoverRun(options, config);
  if (found.files.length === 0 && found.missing.length === 0 && found.ignored === 0) {
    throw new RunFailure(options.paths.length ? msg('error.no-articles') : msg('error.no-corpus-match', { globs: list(config.corpus, 'comma') }));
  }
  const mine = found.files.flatMap((file, index) => (shardOf(file.display, shard.count) === shard.index ? [{ file, index }] : []));
  await loadParsers(mine.map((m) => m.file.format));
  const read = byteReader(config.maxFileBytes);
  const cache = openCache(options.cacheLocation, options.cwd, config, registry, services);
  const inputs = runInputs(
    mine.map((m) => m.file),
    read,
    cache,
  );
  const analyze = cachedAnalyzer(read, services, cache, compactAnalysis);
  const header: ShardHeader = {
    type: 'shard',
    version: RECORDS_VERSION,
    shard: shard.index,
    of: shard.count,
    asOf: options.asOf,
    run: runIdentity(config, registry, services),
    files: found.files.length,
    notes: found.notes,
    missing: found.missing,
  };
  const target = resolve(options.cwd, recordsFile);
  const tmp = `${target}.${process.pid}.tmp`;
  let fd: number;
  try {
    fd = openSync(tmp, 'w');
  } catch (err) {
    throw new RunFailure(msg('error.cannot-write', { file: recordsFile, reason: fsReasonRef(err) }));
  }
  try {
    writeSync(fd, headerLine(header));
    for (let k = 0; k < inputs.length; k++) writeSync(fd, fileLine(mine[k]!.index, analyze(inputs[k]!)));
    writeSync(fd, endLine(inputs.length));
    closeSync(fd);
    renameSync(tmp, target);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(tmp, { force: true });
    if (err instanceof RunFailure) throw err;
    throw new RunFailure(msg('error.cannot-write', { file: recordsFile, reason: fsReasonRef(err) }));
  }
  const warnings: string[] = [];
  try {
    cache?.save();
  } catch (err) {
    warnings.push(render(locale, msg('note.cache-unsaved', { dir: options.cacheLocation!, reason: fsReasonRef(err) })));
  }
  return { files: inputs.length, warnings };
}

export interface MergeOptions {
  readonly cwd: string;
  readonly configPath?: string;
  readonly registryPath?: string;
  readonly locale?: Locale;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

interface ShardFile {
  readonly name: string;
  readonly header: ShardHeader;
  readonly files: Array<{ readonly index: number; readonly analysis: FileAnalysis }>;
}

/** A records file read and checked line by line; a RunFailure naming the file (and line) when it is not whole. */
function readShardFile(cwd: string, name: string): ShardFile {
  let lines: string[];
  try {
    lines = readLines(resolve(cwd, name));
  } catch (err) {
    throw new RunFailure(msg('error.records-unreadable', { file: name, reason: fsReasonRef(err) }));
  }
  const bad = (line: number, problem: string) => new RunFailure(msg('error.records-corrupt', { file: name, line, problem }));
  let header: ShardHeader | undefined;
  let ended = false;
  const files: ShardFile['files'] = [];
  for (let i = 0; i < lines.length; i++) {
    let parsed;
    try {
      parsed = parseRecordLine(lines[i]!);
    } catch (err) {
      throw bad(i + 1, (err as Error).message);
    }
    if (i === 0 && parsed.type !== 'shard') throw bad(1, 'the first line is not a shard header');
    if (i > 0 && parsed.type === 'shard') throw bad(i + 1, 'a second shard header');
    if (ended) throw bad(i + 1, 'a line after the end line');
    if (parsed.type === 'shard') header = parsed.header;
    else if (parsed.type === 'file') files.push({ index: parsed.index, analysis: parsed.analysis });
    else {
      if (parsed.files !== files.length) throw bad(i + 1, `the end line counts ${parsed.files} files, the file has ${files.length}`);
      ended = true;
    }
  }
  if (!header) throw bad(1, 'empty');
  if (!ended) throw bad(lines.length, 'no end line: the file is cut short');
  return { name, header, files };
}

/**
 * The lines of a file, read in chunks: a shard of a large corpus writes more
 * than a JavaScript string can hold, so the file is never one string.
 */
function readLines(path: string): string[] {
  const fd = openSync(path, 'r');
  try {
    const lines: string[] = [];
    const chunk = Buffer.allocUnsafe(1 << 20);
    let pending: Buffer[] = [];
    for (;;) {
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      let from = 0;
      for (let at = chunk.indexOf(10, 0); at !== -1 && at < n; at = chunk.indexOf(10, from)) {
        pending.push(chunk.subarray(from, at));
        lines.push(Buffer.concat(pending).toString('utf8'));
        pending = [];
        from = at + 1;
      }
      if (from < n) pending.push(Buffer.from(chunk.subarray(from, n)));
    }
    if (pending.length) lines.push(Buffer.concat(pending).toString('utf8'));
    return lines;
  } finally {
    closeSync(fd);
  }
}

/**
 * `claimlint merge`: every shard's records, checked to be one run's (same
 * shard count, each shard once, made with the same registry, config and
 * as-of date), then the corpus stage and the report as `check` makes them.
 */
export function mergeShards(names: readonly string[], options: MergeOptions): CheckOutcome {
  const shards = names.map((n) => readShardFile(options.cwd, n));
  const first = shards[0]!;
  const seen = new Map<number, string>();
  for (const s of shards) {
    const h = s.header;
    if (h.of !== first.header.of || h.files !== first.header.files || h.asOf !== first.header.asOf || h.run !== first.header.run) {
      throw new RunFailure(msg('error.records-other-run', { file: s.name, other: first.name }));
    }
    const twice = seen.get(h.shard);
    if (twice) throw new RunFailure(msg('error.records-shard-twice', { file: s.name, other: twice, shard: `${h.shard}/${h.of}` }));
    seen.set(h.shard, s.name);
  }
  const absent = Array.from({ length: first.header.of }, (_, k) => k + 1).filter((k) => !seen.has(k));
  if (absent.length) throw new RunFailure(msg('error.records-shard-missing', { shards: list(absent.map((k) => `${k}/${first.header.of}`), 'comma') }));

  const { asOf } = first.header;
  const { config, registry, services } = setup({ ...options, asOf });
  if (runIdentity(config, registry, services) !== first.header.run) throw new RunFailure(msg('error.records-other-setup', { file: first.name }));
  const locale = resolveLocale(options.locale, config.locale, options.env);
  const text = (m: Message) => render(locale, m);

  const byIndex = new Map<number, FileAnalysis>();
  for (const s of shards) {
    for (const f of s.files) {
      if (f.index >= first.header.files || byIndex.has(f.index)) throw new RunFailure(msg('error.records-corrupt', { file: s.name, line: 0, problem: `file ${f.index} out of place` }));
      byIndex.set(f.index, f.analysis);
    }
  }
  if (byIndex.size !== first.header.files) throw new RunFailure(msg('error.records-incomplete', { count: byIndex.size, total: first.header.files }));
  const analyses = Array.from({ length: first.header.files }, (_, i) => byIndex.get(i)!);

  const inputFailures = first.header.missing.map(text);
  for (const a of analyses) if (a.unreadable) inputFailures.push(`${a.file}: ${a.unreadable}`);
  const findings = corpusStage(analyses, config, registry, services);
  const claims = analyses.reduce((n, a) => n + (a.claims ?? a.records.length), 0);
  const result = runResult({ asOf, findings, files: first.header.files, claims, locale, notes: first.header.notes, warnings: [] });
  return { result, analyses, services, inputFailures, warnings: [], config };
}
