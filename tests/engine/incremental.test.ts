// The incremental corpus stage (src/engine/incremental.ts): a cached check
// that recomputes only what changed files touch must give what a run without
// a cache gives, after every kind of change, including a corpus conflict that
// appears or disappears in a file that did not change.
import { describe, expect, it, vi } from 'vitest';
import { cpSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, tempTree } from '../helpers/cli.js';
import { check, setup } from '../../src/engine/run.js';
import type { Finding, RunResult } from '../../src/types.js';
import { formatJson } from '../../src/formatters/json.js';
import { AnalysisCache } from '../../src/engine/cache.js';

const AS_OF = '2026-11-22';
// 赣州 2024 养老保险 缴费基数下限: 3176元/月 in the one article, 2547元/月 in the other (corpus/expectations.corpus-conflict.yaml).
const BASE = 'corpus/conflict-ganzhou-base-2024.md';
const OVERVIEW = 'corpus/conflict-ganzhou-rates-overview.md';

describe('incremental corpus stage', async () => {
  const dir = tempTree({});
  cpSync(join(repoRoot, 'corpus'), join(dir, 'corpus'), { recursive: true });
  const cacheLocation = join(dir, 'cache');
  const options = { cwd: dir, paths: ['corpus'], asOf: AS_OF, registryPath: join(repoRoot, 'claims'), resultOnly: true };
  const prepared = setup(options);
  let locale: 'en' | 'zh' = 'en';
  const cached = async () => (await check({ ...options, cacheLocation, locale }, prepared)).result;
  const uncached = async () => (await check({ ...options, locale }, prepared)).result;
  const cacheNote = (notes: readonly string[]) => notes.filter((n) => n.startsWith('cache'));
  /** Runs with and without the cache, and checks both give the same findings and summary. */
  const same = async () => {
    const a = await cached();
    const b = await uncached();
    // The JSON report up to its summary (the notes after it say what the cache held), byte for byte…
    const report = (r: RunResult) => {
      const text = formatJson(r, { cwd: dir, color: false, toolVersion: '0' });
      return text.slice(0, text.indexOf('\n  "summary"'));
    };
    expect(report(a)).toBe(report(b));
    // …and the findings as the other formats read them.
    expect(JSON.stringify(a.findings)).toBe(JSON.stringify(b.findings));
    expect(a.summary).toEqual(b.summary);
    return a;
  };
  const baseConflict = (findings: readonly Finding[]) => findings.some((f) => f.file === BASE && f.ruleId === 'corpus-conflict');
  const edit = (file: string, from: string, to: string) => {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain(from);
    writeFileSync(path, text.replace(from, to));
  };

  it('a warm run with nothing changed gives the full run', async () => {
    const first = await same();
    expect(baseConflict(first.findings)).toBe(true);
    const second = await same();
    expect(cacheNote(second.notes)).toEqual([expect.stringMatching(/^cache: (\d+) of \1 files unchanged$/)]);
  });

  it('a changed file whose new value agrees removes the conflict from the file that did not change', async () => {
    edit(OVERVIEW, '2547元', '3176元');
    // Only the changed file's entry and that of the file whose conflict went away are read.
    const reads = vi.spyOn(AnalysisCache.prototype, 'get');
    const r = await cached();
    expect(reads.mock.calls.map(([, file]) => file).sort()).toEqual([BASE, OVERVIEW]);
    reads.mockRestore();
    expect(baseConflict(r.findings)).toBe(false);
    await same();
    // And back: the conflict reappears in the unchanged file.
    edit(OVERVIEW, '3176元', '2547元');
    expect(baseConflict((await same()).findings)).toBe(true);
  });

  it('lines inserted above a conflicting sentence move the related location in the file that did not change', async () => {
    const relatedLine = (findings: readonly Finding[]) =>
      findings.find((f) => f.file === OVERVIEW && f.ruleId === 'corpus-conflict' && f.line === 10)?.related?.find((r) => r.file === BASE)?.line;
    expect(relatedLine((await same()).findings)).toBe(14);
    edit(BASE, '## 缴费基数下限', '## 缴费基数下限\n\n（2024年8月更新）');
    expect(relatedLine((await same()).findings)).toBe(16);
  });

  it('an appended sentence, an added file that makes a conflict, a renamed and a deleted file', async () => {
    writeFileSync(join(dir, 'corpus', 'account-inheritance.md'), `${readFileSync(join(dir, 'corpus', 'account-inheritance.md'), 'utf8')}\n停缴后个人账户余额不清零。\n`);
    await same();
    // A third figure for the same fact, in a new article: the unchanged article's finding now names it too.
    const before = (await cached()).findings.find((f) => f.file === BASE && f.ruleId === 'corpus-conflict')!;
    writeFileSync(join(dir, 'corpus', 'ganzhou-new.md'), '---\ntitle: 赣州缴费基数\n---\n\n2024年赣州职工基本养老保险缴费基数下限为2000元/月。\n');
    const added = await same();
    const after = added.findings.find((f) => f.file === BASE && f.ruleId === 'corpus-conflict')!;
    expect(after.message).not.toBe(before.message);
    expect(after.message).toContain('2000');
    renameSync(join(dir, 'corpus', 'ganzhou-new.md'), join(dir, 'corpus', 'a-ganzhou-renamed.md'));
    await same();
    rmSync(join(dir, 'corpus', 'a-ganzhou-renamed.md'));
    expect((await same()).findings.find((f) => f.file === BASE && f.ruleId === 'corpus-conflict')!.message).toBe(before.message);
    // The other side deleted: no conflict is left in the unchanged article.
    rmSync(join(dir, OVERVIEW));
    expect(baseConflict((await same()).findings)).toBe(false);
    cpSync(join(repoRoot, OVERVIEW), join(dir, OVERVIEW));
    expect(baseConflict((await same()).findings)).toBe(true);
  });

  it('a run in another language than the stored report pieces renders them again', async () => {
    await same();
    locale = 'zh';
    const zh = await same();
    expect(zh.findings.some((f) => f.file === BASE && f.ruleId === 'corpus-conflict' && /[\u4e00-\u9fff]{4}/.test(f.message))).toBe(true);
    await same();
    locale = 'en';
    await same();
  });

  it('appends to the pieces file, and writes it anew once most of it is dead', async () => {
    const { readdirSync, statSync } = await import('node:fs');
    await same();
    const pieces = join(cacheLocation, 'v5', readdirSync(join(cacheLocation, 'v5'))[0]!, 'state.pieces');
    const sizes = [statSync(pieces).size];
    // Each run appends the changed file's pieces and its groups': until the dead ones are more than the live ones.
    for (let k = 1; k <= 200 && !(sizes.length > 1 && sizes.at(-1)! < sizes.at(-2)!); k++) {
      writeFileSync(join(dir, BASE), `${readFileSync(join(dir, BASE), 'utf8')}\n第${k}次修改：停缴后个人账户余额不清零。\n`);
      await cached();
      sizes.push(statSync(pieces).size);
    }
    // The run after the one that wrote the pieces file anew reads it as it was written.
    await same();
    const grew = sizes.some((n, i) => i > 0 && n > sizes[i - 1]!);
    const shrank = sizes.some((n, i) => i > 0 && n < sizes[i - 1]!);
    expect([grew, shrank]).toEqual([true, true]);
  });

  it('a run that writes only the JSON report leaves the stored findings unread; reading a damaged one then is a run failure', async () => {
    const { readdirSync } = await import('node:fs');
    const { PackedReader, piecesPathOf } = await import('../../src/engine/packed-file.js');
    const { RunFailure } = await import('../../src/failure.js');
    await same();
    const header = join(cacheLocation, 'v5', readdirSync(join(cacheLocation, 'v5'))[0]!, 'state.bin');
    const { StoredFiles } = await import('../../src/engine/state-files.js');
    const stored = new StoredFiles((PackedReader.open(header)!.value as { files: import('../../src/engine/state-files.js').FileColumns }).files);
    const base = stored.get(BASE)!.findings;
    const pieces = readFileSync(piecesPathOf(header));
    pieces[base.at + (base.length >> 1)] = pieces[base.at + (base.length >> 1)]! ^ 0x5a;
    writeFileSync(piecesPathOf(header), pieces);
    const r = (await check({ ...options, cacheLocation, locale, jsonReportOnly: true }, prepared)).result;
    // The report is whole: written from the stored JSON of each file.
    const text = formatJson(r, { cwd: dir, color: false, toolVersion: '0' });
    const fresh = formatJson(await uncached(), { cwd: dir, color: false, toolVersion: '0' });
    expect(text.slice(0, text.indexOf('\n  "summary"'))).toBe(fresh.slice(0, fresh.indexOf('\n  "summary"')));
    expect(() => r.findings).toThrow(RunFailure);
    // A run that reads the findings finds the damage first, and recomputes.
    const next = await same();
    expect(next.notes.some((n) => /damaged/.test(n))).toBe(true);
  });

  it('a damaged state is noted and the whole corpus stage is done instead', async () => {
    await cached();
    const { readdirSync } = await import('node:fs');
    const root = join(cacheLocation, 'v5', readdirSync(join(cacheLocation, 'v5'))[0]!);
    const header = join(root, 'state.bin');
    const pieces = join(root, 'state.pieces');
    const damage: Array<[string, (b: Buffer) => Buffer]> = [
      // The pieces' second half overwritten here and there (pieces are laid out kind by kind: the second half holds findings, line starts, corpus findings and reports)…
      [pieces, (b) => {
        const out = Buffer.from(b);
        for (let i = out.length >> 1; i < out.length; i += 97) out[i] = out[i]! ^ 0x5a;
        return out;
      }],
      // …the pieces file cut short, the header cut short, a byte of the header changed.
      [pieces, (b) => b.subarray(0, b.length >> 1)],
      [header, (b) => b.subarray(0, 50)],
      [header, (b) => {
        const out = Buffer.from(b);
        out[out.length - 3] = out[out.length - 3]! ^ 1;
        return out;
      }],
    ];
    for (const [file, how] of damage) {
      writeFileSync(file, how(readFileSync(file)));
      const r = await same();
      expect(r.notes.some((n) => /damaged/.test(n))).toBe(true);
      // The run leaves a whole state behind: the next one is incremental again and notes nothing.
      const next = await same();
      expect(next.notes.some((n) => /damaged/.test(n))).toBe(false);
    }
  });

  it('a state whose file columns do not fit together (sealed as written) is noted as damaged; one of another format is read as no state', async () => {
    await cached();
    const { readdirSync } = await import('node:fs');
    const { PackedReader, PackedWriter, savePacked } = await import('../../src/engine/packed-file.js');
    const header = join(cacheLocation, 'v5', readdirSync(join(cacheLocation, 'v5'))[0]!, 'state.bin');
    type Columns = import('../../src/engine/state-files.js').FileColumns;
    const rewrite = (change: (value: { format: string; files: Columns }) => unknown) => {
      const reader = PackedReader.open(header)!;
      const value = reader.value as { format: string; files: Columns };
      const w = new PackedWriter(reader);
      // Appending nothing: every piece stays where it is, only the header changes (and is sealed anew, so only its layout is wrong).
      savePacked(header, w.finish(change(value)));
    };
    const layouts: Array<(v: { format: string; files: Columns }) => unknown> = [
      // A file's group index past the groups, a column one row short, the piece digests cut short.
      (v) => ({ ...v, files: { ...v.files, groupIds: v.files.groupIds.map(() => 1_000_000) } }),
      (v) => ({ ...v, files: { ...v.files, claims: v.files.claims.subarray(1) } }),
      (v) => ({ ...v, files: { ...v.files, pieceDigests: v.files.pieceDigests.subarray(0, 10) } }),
    ];
    for (const layout of layouts) {
      rewrite(layout);
      const r = await same();
      expect(r.notes.some((n) => /damaged/.test(n))).toBe(true);
      const next = await same();
      expect(next.notes.some((n) => /damaged/.test(n))).toBe(false);
    }
    // The first format's header (a list of file objects): not damage, a state this build does not read; the run replaces it.
    rewrite((v) => ({ format: 'corpus-state-1', locale: 'en', files: [], groups: [] }));
    const r = await same();
    expect(r.notes.some((n) => /damaged/.test(n))).toBe(false);
    expect((PackedReader.open(header)!.value as { format: string }).format).toBe('corpus-state-3');
  });
});
