// `npm run bench`: builds a synthetic corpus of 10,000+ articles by recombining
// the bundled corpus's sentences (kept out of git under .bench/), runs a full
// `check` over it several times in this process, and prints the medians.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { check } from '../src/engine/run.js';
import { packagePath } from '../src/paths.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const root = packagePath();
const out = join(root, '.bench', 'corpus');

/** Deterministic PRNG so every machine benches the same corpus. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function buildCorpus(): { files: number; bytes: number } {
  const sources = readdirSync(join(root, 'corpus')).filter((f) => /\.(md|txt)$/.test(f));
  const lines = sources
    .flatMap((f) => readFileSync(join(root, 'corpus', f), 'utf8').split('\n'))
    .map((l) => l.trim())
    .filter((l) => l.length > 8 && !l.startsWith('---') && !/^[a-z]+:/.test(l) && !l.startsWith('#') && !l.startsWith('<!--'));
  const titles = sources.flatMap((f) => {
    const m = /^title:\s*(.+)$/m.exec(readFileSync(join(root, 'corpus', f), 'utf8'));
    return m ? [m[1]!.replace(/^["']|["']$/g, '')] : [];
  });
  if (lines.length === 0) throw new Error('the bundled corpus has no sentences to recombine');
  rmSync(out, { recursive: true, force: true });
  const next = rng(20261122);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  let bytes = 0;
  for (let i = 0; i < ARTICLES; i++) {
    const dir = join(out, String(Math.floor(i / 1000)).padStart(2, '0'));
    if (i % 1000 === 0) mkdirSync(dir, { recursive: true });
    const sections = 2 + Math.floor(next() * 3);
    let body = `---\ntitle: ${titles.length ? pick(titles) : '医保政策问答'}\ndate: 2025-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}\n---\n\n`;
    for (let s = 0; s < sections; s++) {
      body += `## ${pick(titles.length ? titles : ['说明'])}\n\n`;
      const n = 3 + Math.floor(next() * 6);
      for (let k = 0; k < n; k++) body += `${pick(lines)}\n\n`;
    }
    const text = Buffer.from(body, 'utf8');
    bytes += text.length;
    writeFileSync(join(dir, `article-${String(i).padStart(5, '0')}.md`), text);
  }
  return { files: ARTICLES, bytes };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const { files, bytes } = buildCorpus();
  const mb = bytes / 1024 / 1024;
  console.log(`corpus: ${files} articles, ${mb.toFixed(1)} MB in .bench/corpus`);
  const times: number[] = [];
  let findings = 0;
  let claims = 0;
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    const outcome = await check({ cwd: root, paths: [out], asOf: '2026-11-22' });
    times.push((performance.now() - t0) / 1000);
    findings = outcome.result.findings.length;
    claims = outcome.result.summary.claims;
  }
  const t = median(times);
  const rssMb = process.resourceUsage().maxRSS / 1024;
  console.log(`full check, ${RUNS} runs: median ${t.toFixed(2)} s (runs: ${times.map((x) => x.toFixed(2)).join(', ')})`);
  console.log(`  ${(files / t).toFixed(0)} articles/s, ${(mb / t).toFixed(1)} MB/s, peak RSS ${rssMb.toFixed(0)} MB`);
  console.log(`  ${claims} claim records, ${findings} findings`);

  // The CI path: a cold run fills the cache, a second run over the unchanged corpus reuses it.
  const cacheLocation = join(root, '.bench', 'cache');
  rmSync(cacheLocation, { recursive: true, force: true });
  const cold = await timed(() => check({ cwd: root, paths: [out], asOf: '2026-11-22', cacheLocation }));
  const warm: number[] = [];
  for (let r = 0; r < RUNS; r++) warm.push(await timed(() => check({ cwd: root, paths: [out], asOf: '2026-11-22', cacheLocation })));
  const w = median(warm);
  console.log(`cached check: cold ${cold.toFixed(2)} s, warm median ${w.toFixed(2)} s (${(cold / w).toFixed(1)}× faster)`);
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return (performance.now() - t0) / 1000;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
