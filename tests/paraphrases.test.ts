// Acceptance test for the reader: the paraphrase measuring stick over dev +
// holdout together (tests/paraphrases/*.yaml, transforms.ts), one CLI run.
// Targets: recall on contradicting sentences ≥ 90%, false alarms (an
// error-severity claim-contradiction of any claim) on supporting and near-miss
// sentences ≤ 2%, invariance of the transformed variants ≥ 95%, directional
// pairs flipped ≥ 95%. Failing sentences are printed on failure.
//
// The fresh set (tests/paraphrases/fresh/) is a measuring stick for
// generalisation: only its shape is checked here, its sentences are neither
// run nor scored (`npm run eval` reports them).
import { beforeAll, describe, expect, it } from 'vitest';
import {
  describeFailure,
  describePair,
  describeVariant,
  figures,
  loadSets,
  measure,
  MINIMUM,
  rate,
  select,
  show,
  SETS,
  KINDS,
  type Kind,
  type Measurement,
} from '../scripts/paraphrases.js';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { repoRoot } from './helpers/cli.js';
import { directional, transforms } from './paraphrases/transforms.js';

/**
 * Measured levels, rounded down: regression floors below the targets.
 * 2026-12-02: recall 273/438 = 62.3%, directional 28/30.
 * 2026-12-03, the three reading branches merged: recall dev 870/874 + holdout 157/215 = 1027/1089 = 94.3%, directional 29/30.
 * 2026-12-03, the 2026-12-02 fresh set moved into dev (its 240 sentences were read at 80%):
 *   dev 1061/1114 + holdout 157/215 = 1218/1329 = 91.6%.
 * 2026-12-03, framing and two vocabulary branches merged (about 350 dev sentences added):
 *   dev 1460/1463 + holdout 168/215 = 1628/1678 = 97.0%.
 * 2026-12-03 (third session), that day's fresh set moved into dev (its 240 sentences read at 80%):
 *   dev 1652/1703 + holdout 168/215 = 1820/1918 = 94.9%.
 * 2026-12-03 (third session), two vocabulary branches and a reader branch merged (about 440 dev
 *   contradicting sentences added): dev 2118/2144 + holdout 175/215 = 2293/2359 = 97.2%.
 */
const RECALL_FLOOR = 0.96;
const DIRECTIONAL_FLOOR = 0.93;

describe('paraphrase set', () => {
  it('has a well-formed file for every registry claim', () => {
    const ids = readdirSync(join(repoRoot, 'claims'))
      .filter((f) => f.endsWith('.yaml'))
      .flatMap((f) => ((parse(readFileSync(join(repoRoot, 'claims', f), 'utf8')) as { claims: { id: string }[] }).claims ?? []).map((c) => c.id));
    const sets = loadSets(); // throws on unknown forms, duplicates, too few sentences
    expect(sets.map((s) => s.claim).sort()).toEqual(expect.arrayContaining([...ids].sort()));
    for (const s of sets) for (const set of SETS) for (const k of KINDS) expect(s[set][k].length).toBeGreaterThanOrEqual(MINIMUM[k]);
  });
});

describe('fresh paraphrase set (shape only, never scored here)', () => {
  it('has a fresh file for every claim with a paraphrase file, and only the fresh set in it', () => {
    const sets = loadSets(); // throws on a malformed fresh file, a dev/holdout set in it, or a sentence repeated from dev/holdout
    const missing = sets.filter((s) => KINDS.every((k) => s.fresh[k].length === 0)).map((s) => s.claim);
    expect(missing).toEqual([]);
  });

  // A throwaway directory with one main file and fresh files made up here, so
  // the parser's rules for fresh files are checked without the real sentences.
  const sentences = (prefix: string, kind: Kind) =>
    Array.from({ length: 8 }, (_, i) => ({ text: `${prefix}${kind}${i}`, form: { contradicts: 'plain', supports: 'exception', nearMiss: 'open-question' }[kind] }));
  const set = (prefix: string) => Object.fromEntries(KINDS.map((k) => [k, sentences(prefix, k)]));
  function withDir(fresh: Record<string, unknown>, run: (dir: string) => void): void {
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-fresh-'));
    try {
      writeFileSync(join(dir, 'a.b.yaml'), stringify({ claim: 'a.b', dev: set('d'), holdout: set('h') }));
      mkdirSync(join(dir, 'fresh'));
      for (const [name, doc] of Object.entries(fresh)) writeFileSync(join(dir, 'fresh', name), stringify(doc));
      run(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  it('reads a fresh file into the fresh set and leaves it out when asked', () => {
    withDir({ 'a.b.yaml': { claim: 'a.b', fresh: set('f') } }, (dir) => {
      const [cs] = loadSets(dir);
      expect(cs!.fresh.supports.map((s) => s.text)).toContain('fsupports3');
      expect(cs!.dev.supports.map((s) => s.text)).not.toContain('fsupports3');
      expect(loadSets(dir, { fresh: false })[0]!.fresh.contradicts).toEqual([]);
    });
  });
  it('rejects a fresh file that repeats a dev sentence, holds a dev set, or names a claim without a paraphrase file', () => {
    withDir({ 'a.b.yaml': { claim: 'a.b', fresh: { ...set('f'), nearMiss: sentences('d', 'nearMiss') } } }, (dir) => {
      expect(() => loadSets(dir)).toThrow('fresh/a.b.yaml: fresh.nearMiss[0] repeats a sentence of a.b.yaml dev.nearMiss[0]');
    });
    withDir({ 'a.b.yaml': { claim: 'a.b', fresh: set('f'), dev: set('x') } }, (dir) => {
      expect(() => loadSets(dir)).toThrow('fresh/a.b.yaml: has a "dev" set');
    });
    withDir({ 'c.d.yaml': { claim: 'c.d', fresh: set('f') } }, (dir) => {
      expect(() => loadSets(dir)).toThrow('fresh/c.d.yaml: claim "c.d" has no paraphrase file c.d.yaml');
    });
  });
});

describe('invariance transforms', () => {
  const by = (name: string) => transforms.find((t) => t.name === name)!.apply;
  it('rewrite as documented', () => {
    expect(by('city')('断缴后余额清零。')).toEqual(['在南昌，断缴后余额清零。', '在邯郸，断缴后余额清零。']);
    expect(by('city')('在南昌，断缴后余额清零。')).toEqual(['在邯郸，断缴后余额清零。']);
    expect(by('numerals')('断缴3个月以内，等13个月')).toEqual(['断缴三个月以内，等13个月', '断缴90天以内，等13个月']);
    expect(by('numerals')('断缴三个月以内')).toEqual(['断缴3个月以内']);
    expect(by('numerals')('等待期为6个月')).toEqual([]);
    expect(by('filler')('甲。')).toEqual(['据了解，甲。', '需要注意的是，甲。']);
    expect(by('list-marker')('甲。')).toEqual(['1. 甲。', '（一）甲。']);
    expect(by('source-tag')('甲。')).toEqual(['甲。（来源：某市医保局）']);
  });
  it('directional pairs differ and name registry claims', () => {
    const ids = new Set(loadSets().map((s) => s.claim));
    for (const p of directional) {
      expect(ids.has(p.claim), p.claim).toBe(true);
      expect(p.base).not.toBe(p.flipped);
    }
  });
});

describe('paraphrase acceptance (dev + holdout)', () => {
  let m: Measurement;
  beforeAll(() => {
    m = measure({ sets: loadSets(undefined, { fresh: false }) });
  }, 300_000);

  // The target is 90% on unseen sentences; on dev + holdout today's reader finds 94%, on the holdout alone 73% (README "Measured").
  // Until it gets there this guards the measured level against regressions: a
  // floor, not the target, and it fails when recall drops below it.
  it('finds at least 94% of the dev + holdout contradicting sentences (target 90% on unseen ones, not met yet)', () => {
    const js = select(m, SETS);
    const f = figures(js);
    const missed = js.filter((j) => j.kind === 'contradicts' && !j.ok);
    expect(rate(f.recall), `recall ${show(f.recall)}; missed:\n${missed.map(describeFailure).join('\n')}`).toBeGreaterThanOrEqual(RECALL_FLOOR);
  });

  it('raises an error on at most 2% of the supporting and near-miss sentences', () => {
    const js = select(m, SETS);
    const f = figures(js);
    const alarms = js.filter((j) => j.kind !== 'contradicts' && !j.ok);
    expect(1 - rate(f.falseAlarms), `false alarms ${show(f.falseAlarms)}:\n${alarms.map(describeFailure).join('\n')}`).toBeGreaterThanOrEqual(0.98);
  });

  it('keeps the verdict under the invariance transforms at least 95% of the time', () => {
    const bad = m.variants.filter((v) => !v.invariant);
    expect(rate(m.invariance), `invariance ${show(m.invariance)}:\n${bad.map(describeVariant).join('\n')}`).toBeGreaterThanOrEqual(0.95);
  });

  it('flips the verdict on at least 85% of the directional pairs (target 95%, not met yet)', () => {
    const bad = m.pairs.filter((p) => !p.ok);
    expect(rate(m.directional), `directional ${show(m.directional)}:\n${bad.map(describePair).join('\n')}`).toBeGreaterThanOrEqual(DIRECTIONAL_FLOOR);
  });
});
