// `npm run bench:peers`: claimlint side by side with textlint + prh (ten
// dictionary rules, scripts/peers/prh.yml) on the same generated Markdown
// corpus (`npm run bench`'s .bench/corpus, built here if missing), each run a
// CLI process from start to exit, the two tools alternately, medians of
// --runs N (default 3). CPU time (user + system, reported by a preloaded hook)
// is the figure on a shared machine; wall time is printed beside it.
//
//   npm run bench:peers -- [--articles N] [--runs N]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { packagePath } from '../src/paths.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ARTICLES = Number(flag('--articles') ?? process.env.BENCH_ARTICLES ?? 10_000);
const RUNS = Number(flag('--runs') ?? process.env.BENCH_RUNS ?? 3);
const root = packagePath();
const corpus = join(root, '.bench', 'corpus');

interface Run {
  readonly wall: number;
  readonly cpu: number;
  readonly code: number;
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** A CLI run, start to exit; its CPU time is written to stderr by a preloaded hook when it exits. */
function timed(argv: readonly string[]): Run {
  const reporter = join(root, '.bench', 'cpu-report.cjs');
  writeFileSync(reporter, "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, `\\nbench-cpu ${(u.user + u.system) / 1e6}\\n`); });\n");
  const t0 = performance.now();
  const p = spawnSync(process.execPath, ['--require', reporter, ...argv], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = (performance.now() - t0) / 1000;
  const m = /bench-cpu ([\d.]+)/.exec(p.stderr);
  if (!m) throw new Error(`${argv[0]} did not finish: ${p.stderr.slice(0, 500)}`);
  return { wall, cpu: Number(m[1]), code: p.status ?? -1 };
}

function corpusFiles(): number {
  if (!existsSync(corpus)) return 0;
  return readdirSync(corpus).reduce((n, d) => n + readdirSync(join(corpus, d)).length, 0);
}

function main(): void {
  if (corpusFiles() !== ARTICLES) {
    mkdirSync(join(root, '.bench'), { recursive: true });
    const p = spawnSync(process.execPath, [join(root, 'dist', 'scripts', 'bench.js'), '--build-only', '--skip-mixed', '--articles', String(ARTICLES)], { stdio: 'inherit' });
    if (p.status !== 0) throw new Error('could not build the corpus');
  }
  let textlint: string;
  try {
    textlint = createRequire(join(root, 'package.json')).resolve('textlint/bin/textlint.js');
  } catch {
    throw new Error('textlint is not installed: `npm ci` installs it (a dev dependency)');
  }
  const tools: Array<[string, string[]]> = [
    ['claimlint check', [join(root, 'bin', 'claimlint.js'), 'check', corpus, '--format', 'json', '--as-of', '2026-11-22']],
    ['textlint + prh (10 rules)', [textlint, '--config', join(root, 'scripts', 'peers', 'textlintrc.json'), '--format', 'json', corpus]],
  ];
  const runs = new Map<string, Run[]>(tools.map(([name]) => [name, []]));
  for (let r = 0; r < RUNS; r++) for (const [name, argv] of tools) runs.get(name)!.push(timed(argv));
  console.log(`side by side on ${ARTICLES} Markdown articles (.bench/corpus), CLI start to exit, ${RUNS} runs each, alternately:`);
  const list = (xs: readonly number[]) => xs.map((x) => x.toFixed(2)).join(', ');
  for (const [name] of tools) {
    const rs = runs.get(name)!;
    console.log(`  ${name}: CPU median ${median(rs.map((x) => x.cpu)).toFixed(2)} s (runs: ${list(rs.map((x) => x.cpu))}), wall median ${median(rs.map((x) => x.wall)).toFixed(2)} s (runs: ${list(rs.map((x) => x.wall))})`);
  }
  const [ours, theirs] = tools.map(([name]) => runs.get(name)!);
  const cpuRatio = median(theirs!.map((x) => x.cpu)) / median(ours!.map((x) => x.cpu));
  const wallRatio = median(theirs!.map((x) => x.wall)) / median(ours!.map((x) => x.wall));
  console.log(`  claimlint is ${cpuRatio.toFixed(2)}× as fast in CPU time (${wallRatio.toFixed(2)}× in wall time)`);
}

main();
