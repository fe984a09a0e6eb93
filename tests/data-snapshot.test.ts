// The build's snapshot of the bundled data files (src/data-snapshot.ts): a
// stored value is used only while its key (the file's text, the schema, the
// options) matches; any other key, a damaged snapshot or none at all reads
// the file as without it.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledDataName, recordedSnapshot, startRecording, useDataSnapshot } from '../src/data-snapshot.js';
import { loadDataFile } from '../src/data-file.js';
import { loadCatalogues } from '../src/i18n/catalogue.js';
import { packagePath } from '../src/paths.js';

const dir = mkdtempSync(join(tmpdir(), 'claimlint-snapshot-'));
let n = 0;
const STALE_YEAR = packagePath('data', 'stale-year.yaml');
const SCHEMA = { type: 'object', properties: { minAge: { type: 'integer' }, dataWords: { type: 'array', items: { type: 'string' } } } };

/** A snapshot file recorded by `load`, with `edit` applied to its entries; the loads read it from then on. */
function snapshotOf(load: () => void, edit: (entries: Record<string, { key: string; json: string }>) => void = () => {}): void {
  startRecording();
  load();
  const file = JSON.parse(recordedSnapshot().text) as { format: string; entries: Record<string, { key: string; json: string }> };
  edit(file.entries);
  const path = join(dir, `snapshot-${n++}.json`);
  writeFileSync(path, JSON.stringify(file));
  useDataSnapshot(path);
}

afterEach(() => useDataSnapshot());

describe('data snapshot', () => {
  it('names bundled data files only', () => {
    expect(bundledDataName(STALE_YEAR)).toBe('data/stale-year.yaml');
    expect(bundledDataName(packagePath('data', 'messages', 'en.yaml'))).toBe('data/messages/en.yaml');
    expect(bundledDataName(join(dir, 'stale-year.yaml'))).toBeUndefined();
    expect(bundledDataName(packagePath('claims', 'lapse.yaml'))).toBeUndefined();
  });

  it('a stored value is what a load returns while its key matches', () => {
    const parsed = loadDataFile<{ minAge: number }>(STALE_YEAR, SCHEMA);
    expect(parsed.minAge).toBe(1);
    // The entry's value altered, its key left: the load returns the stored value, so it did not parse the file.
    snapshotOf(
      () => loadDataFile(STALE_YEAR, SCHEMA),
      (e) => {
        e['data/stale-year.yaml']!.json = JSON.stringify({ minAge: 42 });
      },
    );
    expect(loadDataFile<{ minAge: number }>(STALE_YEAR, SCHEMA)).toEqual({ minAge: 42 });
    // Each load gets its own object.
    const a = loadDataFile<{ minAge: number }>(STALE_YEAR, SCHEMA);
    a.minAge = 7;
    expect(loadDataFile<{ minAge: number }>(STALE_YEAR, SCHEMA).minAge).toBe(42);
  });

  it('another schema or other options are another key: the file is read', () => {
    snapshotOf(
      () => loadDataFile(STALE_YEAR, SCHEMA),
      (e) => {
        e['data/stale-year.yaml']!.json = JSON.stringify({ minAge: 42 });
      },
    );
    const other = { ...SCHEMA, required: ['minAge'] };
    expect(loadDataFile<{ minAge: number }>(STALE_YEAR, other).minAge).toBe(1);
    expect(loadDataFile<{ minAge: number; version?: unknown }>(STALE_YEAR, SCHEMA, { omit: ['version'] }).minAge).toBe(1);
  });

  it('an entry whose key does not match (an edited file) is not used', () => {
    snapshotOf(
      () => loadDataFile(STALE_YEAR, SCHEMA),
      (e) => {
        e['data/stale-year.yaml'] = { key: '0'.repeat(64), json: JSON.stringify({ minAge: 42 }) };
      },
    );
    expect(loadDataFile<{ minAge: number }>(STALE_YEAR, SCHEMA).minAge).toBe(1);
  });

  it('a damaged snapshot or entry is ignored', () => {
    const path = join(dir, 'cut.json');
    snapshotOf(() => loadDataFile(STALE_YEAR, SCHEMA));
    writeFileSync(path, readFileSync(join(dir, `snapshot-${n - 1}.json`), 'utf8').slice(0, 200));
    useDataSnapshot(path);
    expect(loadDataFile<{ minAge: number }>(STALE_YEAR, SCHEMA).minAge).toBe(1);
    snapshotOf(
      () => loadDataFile(STALE_YEAR, SCHEMA),
      (e) => {
        e['data/stale-year.yaml']!.json = '{"minAge": 4';
      },
    );
    expect(loadDataFile<{ minAge: number }>(STALE_YEAR, SCHEMA).minAge).toBe(1);
    useDataSnapshot(join(dir, 'none.json'));
    expect(loadDataFile<{ minAge: number }>(STALE_YEAR, SCHEMA).minAge).toBe(1);
  });

  it('a file outside data/ is never taken from the snapshot', () => {
    const copy = join(dir, 'stale-year.yaml');
    writeFileSync(copy, readFileSync(STALE_YEAR));
    snapshotOf(() => loadDataFile(copy, SCHEMA));
    expect(JSON.parse(readFileSync(join(dir, `snapshot-${n - 1}.json`), 'utf8')).entries).toEqual({});
  });

  it('the catalogues: stored while both files are unchanged, checked again otherwise', () => {
    const real = loadCatalogues();
    expect(real.get('en')!.get('sep.comma')).toBe(', ');
    snapshotOf(
      () => loadCatalogues(),
      (e) => {
        const plain = JSON.parse(e['data/messages']!.json) as Record<string, Record<string, string>>;
        plain['en']!['sep.comma'] = ' / ';
        e['data/messages']!.json = JSON.stringify(plain);
      },
    );
    const stored = loadCatalogues();
    expect(stored.get('en')!.get('sep.comma')).toBe(' / ');
    expect(stored.get('zh')!.size).toBe(real.get('zh')!.size);
    // Broken copies given as files are always read and checked.
    const en = join(dir, 'en.yaml');
    writeFileSync(en, readFileSync(packagePath('data', 'messages', 'en.yaml'), 'utf8').replace('locale: en', 'locale: zh'));
    expect(() => loadCatalogues({ en })).toThrow(/locale must be "en"/);
    snapshotOf(
      () => loadCatalogues(),
      (e) => {
        e['data/messages']!.key = 'f'.repeat(64);
      },
    );
    expect(loadCatalogues().get('en')!.get('sep.comma')).toBe(', ');
  });
});
