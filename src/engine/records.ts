// The records file of a CI-matrix shard: JSON Lines, one object a line.
//
//   {"type":"shard","version":1,"shard":K,"of":N,"asOf":…,"run":…,"files":…,"notes":[…],"missing":[…]}
//   {"type":"file","index":i,"file":…,"records":[…],"claims":n,"verdicts":[…],"facts":[…],"findings":[…],"lines":{…},…}
//   …
//   {"type":"end","files":n}
//
// A file line is a file's compact analysis (src/engine/compact.ts): what the
// corpus stage and the report read. `index` is the file's place in the whole
// run's discovery order, so the merge puts every shard's files back in the
// order one unsharded run reads them. The last line says how many file lines
// came before it: a file cut short is told apart from a small shard.
import type { FileAnalysis } from './analyze.js';
import type { ClaimRecord, Verdict } from '../types.js';
import type { Message } from '../i18n/message.js';
import { LineIndex } from '../text/position.js';

export const RECORDS_VERSION = 1;

export interface ShardHeader {
  readonly type: 'shard';
  readonly version: number;
  /** 1-based shard number and the number of shards. */
  readonly shard: number;
  readonly of: number;
  readonly asOf: string;
  /** Digest of what the analyses depend on (tool version, registry, config, data, as-of): every shard and the merge must agree. */
  readonly run: string;
  /** Files the whole run discovered (every shard's). */
  readonly files: number;
  /** Discovery's notes and the named paths that do not exist, as catalogue messages (rendered in the merge's language). */
  readonly notes: readonly Message[];
  readonly missing: readonly Message[];
}

/** Numbers JSON cannot write (an open bound is Infinity) are written as {"$number":"Infinity"}. */
function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) return { $number: String(value) };
  return value;
}

function reviver(_key: string, value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const n = (value as { $number?: unknown }).$number;
    if (typeof n === 'string' && Object.keys(value).length === 1) return Number(n);
  }
  return value;
}

export function headerLine(header: ShardHeader): string {
  return `${JSON.stringify(header)}\n`;
}

export function endLine(files: number): string {
  return `${JSON.stringify({ type: 'end', files })}\n`;
}

/** One file's compact analysis as a line. A verdict's record is written as its index among the file's records. */
export function fileLine(index: number, a: FileAnalysis): string {
  const at = new Map<ClaimRecord, number>(a.records.map((r, i) => [r, i]));
  const verdicts = a.verdicts.map((v) => {
    const i = at.get(v.record);
    return i === undefined ? v : { ...v, record: { $record: i } };
  });
  const lines = a.lines ? lineData(a.lines) : undefined;
  const out = {
    type: 'file',
    index,
    file: a.file,
    records: a.records,
    ...(a.claims !== undefined ? { claims: a.claims } : {}),
    verdicts,
    facts: a.facts,
    findings: a.findings,
    ...(lines ? { lines } : {}),
    ...(a.suppressions ? { suppressions: a.suppressions } : {}),
    ...(a.unreadable ? { unreadable: a.unreadable } : {}),
  };
  return `${JSON.stringify(out, replacer)}\n`;
}

/** A detached line index's line starts and text length (its only state). */
function lineData(lines: LineIndex): { starts: number[]; length: number } {
  const d = lines as unknown as { starts: ArrayLike<number>; length: number };
  return { starts: Array.from(d.starts), length: d.length };
}

function lineIndexOf(data: { starts: number[]; length: number }): LineIndex {
  const d = Object.create(LineIndex.prototype) as Record<'text' | 'starts' | 'length', unknown>;
  d.text = '';
  d.starts = Int32Array.from(data.starts);
  d.length = data.length;
  return d as unknown as LineIndex;
}

export type RecordLine =
  | { readonly type: 'shard'; readonly header: ShardHeader }
  | { readonly type: 'file'; readonly index: number; readonly analysis: FileAnalysis }
  | { readonly type: 'end'; readonly files: number };

/** Why a line is not a records line (thrown as an Error with that message). */
class BadLine extends Error {}

const isObject = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Parses one line of a records file; throws an Error saying what is wrong with it. */
export function parseRecordLine(text: string): RecordLine {
  let v: unknown;
  try {
    v = JSON.parse(text, reviver);
  } catch {
    throw new BadLine('not JSON');
  }
  if (!isObject(v)) throw new BadLine('not a JSON object');
  if (v['type'] === 'shard') {
    const h = v as unknown as ShardHeader;
    if (h.version !== RECORDS_VERSION) throw new BadLine(`records version ${String(h.version)}, this claimlint reads ${RECORDS_VERSION}`);
    if (!isInt(h.shard) || !isInt(h.of) || h.shard < 1 || h.shard > h.of || typeof h.asOf !== 'string' || typeof h.run !== 'string' || !isInt(h.files) || !Array.isArray(h.notes) || !Array.isArray(h.missing)) {
      throw new BadLine('a shard header without its fields');
    }
    return { type: 'shard', header: h };
  }
  if (v['type'] === 'end') {
    if (!isInt(v['files'])) throw new BadLine('an end line without its file count');
    return { type: 'end', files: v['files'] };
  }
  if (v['type'] !== 'file') throw new BadLine(`an unknown line type ${JSON.stringify(v['type'])}`);
  const { index, file, records, claims, verdicts, facts, findings, lines, suppressions, unreadable } = v;
  if (!isInt(index) || typeof file !== 'string' || !Array.isArray(records) || !Array.isArray(verdicts) || !Array.isArray(facts) || !Array.isArray(findings) || (claims !== undefined && !isInt(claims))) {
    throw new BadLine('a file line without its fields');
  }
  if (lines !== undefined && !(isObject(lines) && Array.isArray(lines['starts']) && isInt(lines['length']))) throw new BadLine('a file line with a malformed line index');
  if (suppressions !== undefined && !(isObject(suppressions) && Array.isArray(suppressions['scopes']))) throw new BadLine('a file line with malformed suppressions');
  const recs = records as ClaimRecord[];
  const verdictList = (verdicts as unknown[]).map((x) => {
    if (!isObject(x)) throw new BadLine('a malformed verdict');
    const ref = x['record'];
    if (isObject(ref) && '$record' in ref) {
      const r = recs[ref['$record'] as number];
      if (!r) throw new BadLine('a verdict of a record that is not there');
      return { ...x, record: r } as unknown as Verdict;
    }
    return x as unknown as Verdict;
  });
  const analysis: FileAnalysis = {
    file,
    records: recs,
    ...(claims !== undefined ? { claims: claims as number } : {}),
    verdicts: verdictList,
    facts: facts as FileAnalysis['facts'],
    findings: findings as FileAnalysis['findings'],
    ...(lines ? { lines: lineIndexOf(lines as { starts: number[]; length: number }) } : {}),
    ...(suppressions ? { suppressions: suppressions as unknown as NonNullable<FileAnalysis['suppressions']> } : {}),
    ...(typeof unreadable === 'string' ? { unreadable } : {}),
  };
  return { type: 'file', index, analysis };
}
