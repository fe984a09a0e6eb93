// `npm run eval`: the paraphrase measuring stick (see scripts/paraphrases.ts).
//
//   npm run eval                    per-claim table, invariance, realpages, summary line
//   npm run eval -- --list          also every failing dev sentence, variant and pair
//   npm run eval -- --list --holdout   … including the holdout (measure on it, never tune on it)
//   npm run eval -- --list --fresh     … including the fresh set (tests/paraphrases/fresh: read
//                                   its failures only to report them, never to tune on them)
//   npm run eval -- --reserve       score tests/paraphrases/reserve in the fresh set's place
//                                   (figures only: it cannot be combined with --list --fresh)
//   npm run eval -- --json          machine-readable figures on stdout
//
// One `node bin/claimlint.js check <tmpdir> --format json --as-of 2026-12-01`
// run over every sentence, each in its own Markdown file.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  describeFailure,
  describePair,
  describeVariant,
  figures,
  FRESH,
  loadSets,
  measure,
  root,
  select,
  show,
  SETS,
  ALL_SETS,
  type Figures,
  type Measurement,
  type SetName,
} from './paraphrases.js';

const argv = process.argv.slice(2);
const asJson = argv.includes('--json');
const list = argv.includes('--list');
const withHoldout = argv.includes('--holdout');
const withFresh = argv.includes('--fresh');
/** The reserve set is the next rotation's unseen measure: its sentences are never printed. */
const reserve = argv.includes('--reserve');
/** The groups whose failing sentences --list prints: dev, plus holdout / fresh when asked. */
const listed: readonly SetName[] = ['dev', ...(withHoldout ? (['holdout'] as const) : []), ...(withFresh ? [FRESH] : [])];
if (argv.includes('-h') || argv.includes('--help')) {
  console.log('usage: npm run eval -- [--json] [--list] [--holdout] [--fresh | --reserve]');
  process.exit(0);
}
if (reserve && withFresh) {
  console.error('eval: --reserve gives figures only; its failing sentences are not printed (drop --fresh)');
  process.exit(2);
}
if (reserve && !existsSync(resolve(root, 'tests', 'paraphrases', 'reserve'))) {
  // Between rotations there is no reserve set: scoring an empty one would print 0/0 as if measured.
  console.error('eval: there is no reserve set (tests/paraphrases/reserve/) to score: it became the fresh set at the last rotation');
  process.exit(2);
}

const realpagesDir = resolve(root, '..', 'shared', 'realpages');

function realpages(): string | null {
  const score = join(realpagesDir, 'score.mjs');
  if (!existsSync(score)) return null;
  const r = spawnSync(process.execPath, [score], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  const lines = (r.stdout ?? '').trim().split('\n');
  return lines[lines.length - 1] ?? null;
}

const fig = (f: Figures) => ({
  recall: f.recall,
  falseAlarms: f.falseAlarms,
  falseAlarmsSupports: f.falseAlarmsSupports,
  falseAlarmsNearMiss: f.falseAlarmsNearMiss,
  warnings: f.warnings,
});

function summaryLine(m: Measurement, rp: string | null): string {
  const part = (s: SetName) => {
    const f = figures(select(m, [s]));
    return `recall ${show(f.recall)}, false alarms ${show(f.falseAlarms)}`;
  };
  return (
    `paraphrases dev: ${part('dev')} | holdout: ${part('holdout')} | fresh: ${part(FRESH)} | invariance ${show(m.invariance)}` +
    ` | directional ${show(m.directional)}` +
    (rp ? ` | ${rp}` : '')
  );
}

function byForm(m: Measurement, groups: readonly SetName[]): Record<string, { n: number; of: number }> {
  const out: Record<string, { n: number; of: number }> = {};
  for (const j of select(m, groups)) {
    const k = `${j.kind}/${j.form}`;
    const r = (out[k] ??= { n: 0, of: 0 });
    r.of++;
    if (j.ok) r.n++;
  }
  return out;
}

function main(): void {
  const m = measure(reserve ? { sets: loadSets(undefined, { freshFrom: 'reserve' }) } : {});
  if (reserve && !asJson) console.log('(the fresh columns below are the reserve set, tests/paraphrases/reserve/)');
  const rp = realpages();
  if (asJson) {
    const claims = m.sets.map((cs) => ({
      claim: cs.claim,
      dev: fig(figures(select(m, ['dev'], cs.claim))),
      holdout: fig(figures(select(m, ['holdout'], cs.claim))),
      fresh: fig(figures(select(m, [FRESH], cs.claim))),
    }));
    const out = {
      claims,
      dev: fig(figures(select(m, ['dev']))),
      holdout: fig(figures(select(m, ['holdout']))),
      fresh: fig(figures(select(m, [FRESH]))),
      /** dev + holdout, as before the fresh set existed */
      all: fig(figures(select(m, SETS))),
      forms: { dev: byForm(m, ['dev']), holdout: byForm(m, ['holdout']), fresh: byForm(m, [FRESH]) },
      invariance: m.invariance,
      variantsRight: m.variantsRight,
      invarianceByTransform: Object.fromEntries(
        [...new Set(m.variants.map((v) => v.variant.transform!))].map((t) => {
          const vs = m.variants.filter((v) => v.variant.transform === t);
          return [t, { n: vs.filter((v) => v.invariant).length, of: vs.length }];
        }),
      ),
      directional: m.directional,
      realpages: rp,
      summary: summaryLine(m, rp),
      failures: list
        ? select(m, listed)
            .filter((j) => !j.ok)
            .map((j) => ({ group: j.group, claim: j.claim, kind: j.kind, form: j.form, text: j.text, findings: j.findings }))
        : undefined,
    };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    return;
  }

  const w = Math.max(...m.sets.map((s) => s.claim.length), 10);
  const cell = (f: Figures) =>
    `${show(f.recall).padEnd(15)} ${show(f.falseAlarms).padEnd(14)} ${show(f.warnings).padEnd(14)}`;
  const head = (s: string) => `${`${s}: recall`.padEnd(15)} ${'false alarms'.padEnd(14)} ${'warnings'.padEnd(14)}`;
  const row = (claim?: string) => ALL_SETS.map((s) => cell(figures(select(m, [s], claim)))).join('   ');
  console.log(`${'claim'.padEnd(w)}  ${ALL_SETS.map(head).join('   ')}`);
  for (const cs of m.sets) console.log(`${cs.claim.padEnd(w)}  ${row(cs.claim)}`);
  console.log(`${'all'.padEnd(w)}  ${row()}`);
  for (const s of ALL_SETS) {
    const f = figures(select(m, [s]));
    console.log(`  ${s}: false alarms on supports ${show(f.falseAlarmsSupports)}, on near misses ${show(f.falseAlarmsNearMiss)}`);
  }
  console.log('\nby form (dev, sentences judged right):');
  for (const [k, r] of Object.entries(byForm(m, ['dev'])).sort()) console.log(`  ${k.padEnd(40)} ${show(r)}`);
  // Figures only: the fresh sentences are printed with --list --fresh alone.
  console.log('\nby form (fresh, sentences judged right: found for contradicts, no error otherwise):');
  for (const [k, r] of Object.entries(byForm(m, [FRESH])).sort()) console.log(`  ${k.padEnd(40)} ${show(r)}`);
  console.log(`\ninvariance: ${show(m.invariance)} of the transformed variants keep their base's verdict (variants judged right: ${show(m.variantsRight)})`);
  for (const t of [...new Set(m.variants.map((v) => v.variant.transform!))]) {
    const vs = m.variants.filter((v) => v.variant.transform === t);
    console.log(`  ${t.padEnd(12)} ${show({ n: vs.filter((v) => v.invariant).length, of: vs.length })}`);
  }
  console.log(`directional pairs judged right on both sides: ${show(m.directional)}`);
  if (rp) console.log(`\n${rp}`);
  if (list) {
    const failing = select(m, listed).filter((j) => !j.ok);
    console.log(`\nfailing sentences (${listed.join(' + ')}): ${failing.length}`);
    for (const j of failing) console.log(describeFailure(j));
    const vs = m.variants.filter((v) => !v.invariant && (withHoldout || v.base.group === 'dev'));
    console.log(`\nvariants that changed the verdict: ${vs.length}`);
    for (const v of vs) console.log(describeVariant(v));
    const ps = m.pairs.filter((p) => !p.ok);
    console.log(`\ndirectional pairs not flipped: ${ps.length}`);
    for (const p of ps) console.log(describePair(p));
  }
  console.log(`\n${summaryLine(m, rp)}`);
}

main();
