// The incremental state's file columns (src/engine/state-files.ts): rows go in
// and come out as they were, a copied row keeps its pieces and has its groups
// renumbered, and columns that do not fit together are refused.
import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { deserialize, serialize } from 'node:v8';
import { FileColumnsWriter, isFileColumns, StoredFiles, type FileColumns, type StoredFile } from '../../src/engine/state-files.js';

const hex = (s: string) => createHash('sha256').update(s).digest('hex');
const b64 = (s: string) => createHash('sha1').update(s).digest('base64');
const ref = (at: number, length: number, what: string) => ({ at, length, digest: hex(what) });
/** A row as plain values: its piece references come back as objects whose digest is read from the columns when asked. */
const plain = (f: StoredFile | undefined) =>
  f && { ...f, ...Object.fromEntries((['findings', 'lines', 'corpus', 'report'] as const).map((k) => [k, { at: f[k].at, length: f[k].length, digest: f[k].digest }])) };

const a: StoredFile = {
  name: 'docs/a.md',
  entry: `${'1'.repeat(40)}-${'2'.repeat(40)}`,
  claims: 7,
  groups: [2, 0],
  digests: [b64('a in group 2'), b64('a in group 0')],
  findings: ref(0, 10, 'a findings'),
  lines: ref(10, 4, 'a lines'),
  corpus: ref(14, 0, 'a corpus'),
  report: ref(14, 30, 'a report'),
  counts: [1, 2, 3],
};
const b: StoredFile = {
  name: '文章/b.html',
  entry: `${'3'.repeat(40)}-${'4'.repeat(40)}`,
  claims: 0,
  groups: [],
  digests: [],
  findings: ref(44, 1, 'b findings'),
  lines: ref(45, 2, 'b lines'),
  corpus: ref(47, 3, 'b corpus'),
  report: ref(50, 0, 'b report'),
  counts: [0, 0, 0],
};

/** Columns as a header stores them: through v8's serialiser and back. */
const stored = (c: FileColumns) => deserialize(serialize(c)) as FileColumns;

describe('state file columns', () => {
  it('rows come back as they were written, after serialisation', () => {
    const w = new FileColumnsWriter(2);
    w.add(a);
    w.add(b);
    const c = stored(w.finish());
    expect(isFileColumns(c, 3)).toBe(true);
    const files = new StoredFiles(c);
    expect(files.size).toBe(2);
    expect(plain(files.get('docs/a.md'))).toEqual(a);
    expect(plain(files.get('文章/b.html'))).toEqual(b);
    expect(files.get('missing.md')).toBeUndefined();
    expect(files.pieceBytes(0)).toBe(44);
  });

  it('a copied row keeps its pieces and entry; its groups are renumbered and a group no longer stored is left out', () => {
    const w = new FileColumnsWriter(2);
    w.add(a);
    w.add(b);
    const from = new StoredFiles(stored(w.finish()));
    const next = new FileColumnsWriter(1);
    // Old group 0 is gone, old group 2 is now group 1.
    next.copy(from, 0, Int32Array.from([-1, 0, 1]));
    const files = new StoredFiles(stored(next.finish()));
    expect(plain(files.get('docs/a.md'))).toEqual({ ...a, groups: [1], digests: [b64('a in group 2')] });
  });

  it('columns that do not fit together are refused', () => {
    const w = new FileColumnsWriter(2);
    w.add(a);
    w.add(b);
    const c = stored(w.finish());
    expect(isFileColumns(c, 2)).toBe(false); // a group index (2) past the groups
    expect(isFileColumns({ ...c, names: ['docs/a.md'] }, 3)).toBe(false);
    expect(isFileColumns({ ...c, counts: c.counts.subarray(1) }, 3)).toBe(false);
    expect(isFileColumns({ ...c, pieces: Float64Array.from(c.pieces, (x, i) => (i === 3 ? -1 : x)) }, 3)).toBe(false);
    expect(isFileColumns({ ...c, groupStarts: Uint32Array.from([0, 3, 2]) }, 3)).toBe(false);
    expect(isFileColumns({ ...c, entries: [1, 2] }, 3)).toBe(false);
    expect(isFileColumns([], 3)).toBe(false);
    expect(isFileColumns(undefined, 3)).toBe(false);
  });

  it('a writer refuses rows it cannot store as they are', () => {
    const w = new FileColumnsWriter(1);
    expect(() => w.add({ ...a, digests: ['not base64 sha-1', b64('x')] })).toThrow();
    expect(() => new FileColumnsWriter(1).add({ ...a, report: { at: 0, length: 1, digest: 'ABC' } })).toThrow();
    expect(() => new FileColumnsWriter(2).finish()).toThrow();
  });
});
