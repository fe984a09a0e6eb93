// `npm run bench`: builds a synthetic corpus of 10,000+ articles by recombining
// the bundled corpus's sentences (kept out of git under .bench/), runs a full
// `check` over it several times and prints the medians. Each timed run is a
// child process of its own, so its peak RSS is its own and not the maximum
// over every run before it.
//
//   npm run bench -- [--articles N] [--runs N] [--skip-cache] [--skip-pr] [--skip-shards] [--skip-startup]
//                    [--skip-mixed] [--build-only | --only-pr | --only-shards | --only-startup | --only-scale [--mixed]]
//                    [--against DIR] [--cold-runs N]
//   (or BENCH_ARTICLES / BENCH_RUNS in the environment)
//
// Two corpora: Markdown only (.bench/corpus, the one the cache, pull-request
// and shard parts use) and mixed (.bench/mixed: every other file a scraped
// HTML page with its site's header, navigation, scripts and footer, as
// crawled pages come). `--only-scale` checks a corpus of --articles N files
// (default 100,000; Markdown only, `--mixed` for mixed) for peak RSS and memory per file. `--against DIR`:
// another build of claimlint (a checkout where `npm run build` ran), run
// alternately with this one, each in a process of its own, for a side-by-side.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { packagePath } from '../src/paths.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SCALE = args.includes('--only-scale');
const ARTICLES = Number(flag('--articles') ?? process.env.BENCH_ARTICLES ?? (SCALE ? 100_000 : 10_000));
const RUNS = Number(flag('--runs') ?? process.env.BENCH_RUNS ?? 3);
const root = packagePath();
const out = join(root, '.bench', 'corpus');
const mixedOut = join(root, '.bench', 'mixed');
/** Another build to run side by side with this one (`--against DIR`). */
const against = flag('--against');

/** Deterministic PRNG so every machine benches the same corpus. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The bundled corpus's body lines and titles, the material generated articles are made of. */
function material(): { lines: string[]; titles: string[] } {
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
  return { lines, titles };
}

/**
 * A scraped page as crawled: the site's chrome (header, navigation, a script,
 * a style sheet, a sidebar and footer with their own text) around the article.
 */
function scrapedPage(title: string, date: string, sections: readonly (readonly [string, readonly string[]])[]): string {
  const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  let body = `<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<title>${esc(title)} - 医保政策服务网</title>\n`;
  body += `<meta name="description" content="${esc(title)}">\n<meta property="article:published_time" content="${date}T09:30:00+08:00">\n`;
  body += '<link rel="stylesheet" href="/static/css/site.css">\n<style>.nav a{margin:0 6px}.footer{color:#666;font-size:12px}.share{float:right}</style>\n';
  body += '<script>var _hmt=_hmt||[];(function(){var hm=document.createElement("script");hm.src="/static/js/stat.js";var s=document.getElementsByTagName("script")[0];s.parentNode.insertBefore(hm,s);})();</script>\n</head>\n<body>\n';
  body += '<header class="top"><div class="logo"><a href="/">医保政策服务网</a></div><div class="search"><input type="text" placeholder="搜索政策"><button>搜索</button></div></header>\n';
  body += '<nav class="nav"><a href="/">首页</a><a href="/zcjd/">政策解读</a><a href="/bszn/">办事指南</a><a href="/wdzx/">问答中心</a><a href="/ydjy/">异地就医</a><a href="/lxwm/">联系我们</a></nav>\n';
  body += `<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/zcjd/">政策解读</a> &gt; 正文</div>\n<main class="article">\n<h1>${esc(title)}</h1>\n`;
  body += `<div class="info">发布时间：${date}　来源：医保政策服务网　浏览次数：<span id="hits">1024</span><span class="share">分享到：微信 微博</span></div>\n`;
  for (const [heading, paragraphs] of sections) {
    body += `<h2>${esc(heading)}</h2>\n`;
    for (const p of paragraphs) body += `<p>${esc(p)}</p>\n`;
  }
  body += '</main>\n<aside class="related"><h3>相关阅读</h3><ul><li><a href="/a/1.html">医保报销比例一览</a></li><li><a href="/a/2.html">异地就医备案怎么办理</a></li><li><a href="/a/3.html">个人账户能给家人用吗</a></li></ul></aside>\n';
  body += '<footer class="footer"><p>版权所有 医保政策服务网　备案号：京ICP备00000000号</p><p>本站内容仅供参考，具体以当地医保部门公布为准。</p></footer>\n</body>\n</html>\n';
  return body;
}

/**
 * Writes `count` generated articles under `dir`: Markdown only, or mixed (every
 * other file a scraped HTML page). Deterministic: every machine benches the same corpus.
 */
function buildCorpus(dir: string = out, count: number = ARTICLES, kind: 'markdown' | 'mixed' = 'markdown'): { files: number; bytes: number } {
  const { lines, titles } = material();
  rmSync(dir, { recursive: true, force: true });
  const next = rng(20261122);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(2, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    const title = titles.length ? pick(titles) : '医保政策问答';
    const date = `2025-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
    const sections: Array<[string, string[]]> = [];
    const n = 2 + Math.floor(next() * 3);
    for (let s = 0; s < n; s++) {
      const heading = pick(titles.length ? titles : ['说明']);
      const k = 3 + Math.floor(next() * 6);
      sections.push([heading, Array.from({ length: k }, () => pick(lines))]);
    }
    const html = kind === 'mixed' && i % 2 === 1;
    let body: string;
    if (html) body = scrapedPage(title, date, sections);
    else {
      body = `---\ntitle: ${title}\ndate: ${date}\n---\n\n`;
      for (const [heading, paragraphs] of sections) {
        body += `## ${heading}\n\n`;
        for (const p of paragraphs) body += `${p}\n\n`;
      }
    }
    const text = Buffer.from(body, 'utf8');
    bytes += text.length;
    writeFileSync(join(sub, `article-${String(i).padStart(5, '0')}.${html ? 'html' : 'md'}`), text);
  }
  return { files: count, bytes };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface ChildRun {
  readonly seconds: number;
  /** CPU time (user + system) of the run: steadier than wall time on a shared machine. */
  readonly cpuSeconds: number;
  readonly rssMb: number;
  /** Heap still in use after a full garbage collection, with the run's outcome alive: what the run keeps. */
  readonly retainedMb: number;
  readonly findings: number;
  readonly claims: number;
}

/** One full check in this process (the child side of `runChild`): prints its figures as JSON. */
async function child(dir: string, cacheLocation?: string, build?: string): Promise<void> {
  // `--against`: the other build's engine, with its own registry and data (its package root).
  const engine = build ? pathToFileURL(join(resolve(build), 'dist', 'src', 'engine', 'run.js')).href : '../src/engine/run.js';
  const { check } = (await import(engine)) as typeof import('../src/engine/run.js');
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  // resultOnly: as the CLI's check runs (a build that predates the option keeps its analyses, as its CLI did).
  const outcome = await check({ cwd: build ? resolve(build) : root, paths: [dir], asOf: '2026-11-22', resultOnly: true, ...(cacheLocation ? { cacheLocation } : {}) });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(c0);
  (globalThis as { gc?: () => void }).gc?.();
  const run: ChildRun = {
    seconds,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    rssMb: process.resourceUsage().maxRSS / 1024,
    retainedMb: process.memoryUsage().heapUsed / 1024 / 1024,
    findings: outcome.result.findings.length,
    claims: outcome.result.summary.claims,
  };
  process.stdout.write(JSON.stringify(run));
}

function runChild(cacheLocation?: string, dir: string = out, build?: string): ChildRun {
  const extra = [...(cacheLocation ? ['--cache', cacheLocation] : []), ...(build ? ['--build', build] : [])];
  const text = execFileSync(process.execPath, ['--expose-gc', process.argv[1]!, '--child', '--dir', dir, ...extra], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(text) as ChildRun;
}

/**
 * Full checks of one corpus, RUNS of them, each in a process of its own; with
 * `--against`, the other build's run after each of this one's. Prints the medians.
 */
function fullChecks(label: string, dir: string, files: number, mb: number): void {
  const builds: Array<[string, string | undefined]> = [['this build', undefined], ...(against ? [[`--against ${against}`, against] as [string, string]] : [])];
  const runs = new Map<string, ChildRun[]>(builds.map(([name]) => [name, []]));
  for (let r = 0; r < RUNS; r++) for (const [name, build] of builds) runs.get(name)!.push(runChild(undefined, dir, build));
  console.log(`full check of the ${label} corpus, ${RUNS} runs (one process each${against ? ', the two builds alternately' : ''}):`);
  for (const [name] of builds) {
    const rs = runs.get(name)!;
    const t = median(rs.map((x) => x.seconds));
    const c = median(rs.map((x) => x.cpuSeconds));
    const rss = median(rs.map((x) => x.rssMb));
    console.log(`  ${name}: median ${t.toFixed(2)} s wall (runs: ${list(rs.map((x) => x.seconds))}), CPU median ${c.toFixed(2)} s (runs: ${list(rs.map((x) => x.cpuSeconds))})`);
    console.log(`    ${(files / t).toFixed(0)} articles/s, ${(mb / t).toFixed(1)} MB/s wall; ${(files / c).toFixed(0)} articles/s, ${(mb / c).toFixed(1)} MB/s of CPU time (${((1000 * c) / files).toFixed(2)} ms CPU per article)`);
    console.log(`    peak RSS median ${rss.toFixed(0)} MB (runs: ${list(rs.map((x) => x.rssMb), 0)}), ${((rss * 1024) / files).toFixed(1)} KB per article`);
    console.log(`    heap kept at the end (after a full GC, outcome alive): median ${median(rs.map((x) => x.retainedMb)).toFixed(0)} MB, ${((median(rs.map((x) => x.retainedMb)) * 1024) / files).toFixed(1)} KB per article`);
    console.log(`    ${rs[0]!.claims} claim records, ${rs[0]!.findings} findings`);
  }
}

/**
 * `--only-scale`: the corpus of --articles N files (default 100,000; Markdown
 * only, or mixed with --mixed), peak RSS and the heap kept per file.
 */
function scale(): void {
  const dir = join(root, '.bench', `scale-${ARTICLES}`);
  const kind = args.includes('--mixed') ? 'mixed' : 'markdown';
  const { files, bytes } = buildCorpus(dir, ARTICLES, kind);
  const mb = bytes / 1024 / 1024;
  console.log(`scale corpus: ${files} articles (${kind}), ${mb.toFixed(1)} MB in .bench/scale-${ARTICLES}`);
  fullChecks(`${files}-article ${kind}`, dir, files, mb);
  rmSync(dir, { recursive: true, force: true });
}

/**
 * `claimlint check` on one small file, CLI start to exit, as a user runs it:
 * wall and CPU seconds, for this build and (`--against`) the other one, run
 * alternately, each from its own package root.
 */
function startup(): Map<string, { wall: number[]; cpu: number[] }> {
  const file = join('corpus', 'conflict-jiangmen-binjiang-hospital.md');
  // Preloaded into the CLI process: reports its CPU time (start-up included) when it exits.
  mkdirSync(join(root, '.bench'), { recursive: true });
  const reporter = join(root, '.bench', 'cpu-report.cjs');
  writeFileSync(reporter, "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, `\\nbench-cpu ${(u.user + u.system) / 1e6}\\n`); });\n");
  const builds: Array<[string, string]> = [['this build', root], ...(against ? [[`--against ${against}`, resolve(against)] as [string, string]] : [])];
  const out = new Map(builds.map(([name]) => [name, { wall: [] as number[], cpu: [] as number[] }]));
  for (let r = 0; r < Math.max(7, RUNS); r++) {
    for (const [name, dir] of builds) {
      const t0 = performance.now();
      const p = spawnSync(process.execPath, ['--require', reporter, join(dir, 'bin', 'claimlint.js'), 'check', file, '--format', 'json', '--as-of', '2026-11-22'], { cwd: dir, encoding: 'utf8' });
      out.get(name)!.wall.push((performance.now() - t0) / 1000);
      const m = /bench-cpu ([\d.]+)/.exec(p.stderr);
      if (m) out.get(name)!.cpu.push(Number(m[1]));
    }
  }
  return out;
}

const list = (xs: readonly number[], digits = 2) => xs.map((x) => x.toFixed(digits)).join(', ');

/** One CLI run, start to exit, as CI runs it: wall and CPU seconds (CPU reported by a preloaded hook). `build`: the package root whose CLI runs. */
function cliRun(cliArgs: readonly string[], build: string = root): { wall: number; cpu: number; code: number; stdout: string } {
  const reporter = join(root, '.bench', 'cpu-report.cjs');
  writeFileSync(reporter, "process.on('exit', () => { const u = process.cpuUsage(); require('fs').writeSync(2, `\\nbench-cpu ${(u.user + u.system) / 1e6}\\n`); });\n");
  const t0 = performance.now();
  const p = spawnSync(process.execPath, ['--require', reporter, join(build, 'bin', 'claimlint.js'), ...cliArgs], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30 });
  const wall = (performance.now() - t0) / 1000;
  const m = /bench-cpu ([\d.]+)/.exec(p.stderr);
  return { wall, cpu: m ? Number(m[1]) : NaN, code: p.status ?? -1, stdout: p.stdout };
}

/** A JSON report up to the end of its summary, without the notes (they say what the cache held): what must be the same with and without a cache. */
const withoutNotes = (report: string) => {
  const at = report.indexOf(',\n  "notes"');
  return at < 0 ? report.replace(/\n\}\n$/, '') : report.slice(0, at);
};

const loadAverage = () => loadavg().map((x) => x.toFixed(1)).join(' ');

/**
 * A pull request's run: 3 articles of the corpus changed, the cache warm from
 * the run before, CLI start to exit; against a cold run without a cache in the
 * same session. Each round changes the 3 files again (a new sentence), so each
 * warm run has exactly 3 misses. The files are restored afterwards. With
 * `--against DIR` the other build runs after this one in each round, with a
 * cache of its own. `--cold-runs N`: cold runs per build (default --runs).
 * Each build's warm report must be its cold one, byte for byte, but for the notes.
 */
function pullRequest(): void {
  const builds: Array<[string, string]> = [['this build', root], ...(against ? [[`--against ${against}`, resolve(against)] as [string, string]] : [])];
  const coldRuns = Number(flag('--cold-runs') ?? RUNS);
  const common = ['check', out, '--format', 'json', '--as-of', '2026-11-22'];
  const changed = [3, 4_321, 8_765].map((i) => join(out, String(Math.floor((i % ARTICLES) / 1000)).padStart(2, '0'), `article-${String(i % ARTICLES).padStart(5, '0')}.md`));
  const originals = changed.map((f) => readFileSync(f));
  const runs = builds.map(([name, build], k) => {
    const cacheLocation = join(root, '.bench', k === 0 ? 'pr-cache' : 'pr-cache-against');
    rmSync(cacheLocation, { recursive: true, force: true });
    return { name, build, cacheLocation, fill: { wall: 0, cpu: 0 }, warm: [] as Array<{ wall: number; cpu: number }>, cold: [] as Array<{ wall: number; cpu: number }>, same: [] as boolean[] };
  });
  console.log(`pull request (3 of ${ARTICLES} articles changed), CLI start to exit, ${RUNS} rounds side by side; load average at the start ${loadAverage()}`);
  for (const r of runs) r.fill = cliRun([...common, '--cache', '--cache-location', r.cacheLocation], r.build);
  try {
    for (let round = 0; round < RUNS; round++) {
      changed.forEach((f, k) => writeFileSync(f, Buffer.concat([originals[k]!, Buffer.from(`\n第${round + 1}次修改：停缴后个人账户余额不清零。\n`)])));
      const warm = runs.map((r) => {
        const w = cliRun([...common, '--cache', '--cache-location', r.cacheLocation], r.build);
        r.warm.push(w);
        return w.stdout;
      });
      if (round < coldRuns) {
        runs.forEach((r, k) => {
          const c = cliRun(common, r.build);
          r.cold.push(c);
          r.same.push(withoutNotes(c.stdout) === withoutNotes(warm[k]!));
        });
      }
    }
  } finally {
    changed.forEach((f, k) => writeFileSync(f, originals[k]!));
  }
  for (const r of runs) {
    const mw = median(r.warm.map((x) => x.wall));
    const cw = median(r.warm.map((x) => x.cpu));
    console.log(`  ${r.name}:`);
    console.log(`    filling the cache (first cached run): ${r.fill.wall.toFixed(2)} s wall, ${r.fill.cpu.toFixed(2)} s CPU`);
    console.log(`    warm cache: median ${mw.toFixed(2)} s wall (runs: ${list(r.warm.map((x) => x.wall))}), CPU median ${cw.toFixed(2)} s (runs: ${list(r.warm.map((x) => x.cpu))})`);
    if (r.cold.length) {
      const mc = median(r.cold.map((x) => x.wall));
      const cc = median(r.cold.map((x) => x.cpu));
      console.log(`    cold, no cache: median ${mc.toFixed(2)} s wall (runs: ${list(r.cold.map((x) => x.wall))}), CPU median ${cc.toFixed(2)} s (runs: ${list(r.cold.map((x) => x.cpu))})`);
      console.log(`    warm / cold: ${((100 * mw) / mc).toFixed(0)} % wall, ${((100 * cw) / cc).toFixed(0)} % CPU`);
      console.log(`    warm report ${r.same.every(Boolean) ? 'byte-identical to' : 'DIFFERS from'} the cold one (but for the notes) in ${r.same.length} round(s)`);
      if (!r.same.every(Boolean)) process.exitCode = 1;
    }
  }
  if (runs.length === 2) {
    const ratio = median(runs[0]!.warm.map((x) => x.cpu)) / median(runs[1]!.warm.map((x) => x.cpu));
    console.log(`  warm CPU, this build / the other: ${ratio.toFixed(2)}`);
  }
  console.log(`  load average at the end ${loadAverage()}`);
}

/**
 * The CI matrix: the corpus checked as 3 shards (run here one after the other,
 * as 3 jobs would run side by side) and merged, against one unsharded run.
 * The merged report must be the unsharded one, byte for byte.
 */
function shards(count = 3): void {
  const dir = join(root, '.bench', 'shards');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const common = ['--as-of', '2026-11-22'];
  const one = cliRun(['check', out, ...common, '--format', 'json']);
  const parts = Array.from({ length: count }, (_, k) => {
    const file = join(dir, `shard-${k + 1}.jsonl`);
    return { file, run: cliRun(['check', out, ...common, '--shard', `${k + 1}/${count}`, '--records', file]) };
  });
  const merge = cliRun(['merge', ...parts.map((p) => p.file), '--format', 'json']);
  const same = merge.stdout === one.stdout && merge.code === one.code;
  const slowest = Math.max(...parts.map((p) => p.run.wall));
  console.log(`sharded ${count} ways (CI matrix), CLI start to exit:`);
  console.log(`  one unsharded run: ${one.wall.toFixed(2)} s wall, ${one.cpu.toFixed(2)} s CPU`);
  console.log(`  shards: ${list(parts.map((p) => p.run.wall))} s wall (CPU ${list(parts.map((p) => p.run.cpu))} s); merge ${merge.wall.toFixed(2)} s wall, ${merge.cpu.toFixed(2)} s CPU`);
  console.log(`  on ${count} parallel jobs: slowest shard + merge = ${(slowest + merge.wall).toFixed(2)} s; merged report ${same ? 'byte-identical to' : 'DIFFERS from'} the unsharded one`);
  if (!same) process.exitCode = 1;
}

async function main(): Promise<void> {
  if (args.includes('--child')) return child(flag('--dir') ?? out, flag('--cache'), flag('--build'));
  if (SCALE) return scale();
  // One small file of the bundled corpus: no generated corpus needed.
  if (args.includes('--only-startup')) return printStartup();
  const { files, bytes } = buildCorpus();
  const mb = bytes / 1024 / 1024;
  console.log(`corpus: ${files} articles, ${mb.toFixed(1)} MB in .bench/corpus (Markdown only)`);
  const mixed = args.includes('--skip-mixed') || args.includes('--only-pr') || args.includes('--only-startup') || args.includes('--only-shards') ? undefined : buildCorpus(mixedOut, ARTICLES, 'mixed');
  if (mixed) console.log(`mixed corpus: ${mixed.files} articles, ${(mixed.bytes / 1024 / 1024).toFixed(1)} MB in .bench/mixed (every other one a scraped HTML page)`);
  if (args.includes('--build-only')) return;
  if (args.includes('--only-pr')) return pullRequest();
  if (args.includes('--only-shards')) return shards();
  fullChecks('Markdown-only', out, files, mb);
  if (mixed) fullChecks('mixed', mixedOut, mixed.files, mixed.bytes / 1024 / 1024);

  if (!args.includes('--skip-cache')) {
    // The CI path: a cold run fills the cache, a second run over the unchanged corpus reuses it.
    const cacheLocation = join(root, '.bench', 'cache');
    rmSync(cacheLocation, { recursive: true, force: true });
    const cold = runChild(cacheLocation).seconds;
    const warm: number[] = [];
    for (let r = 0; r < RUNS; r++) warm.push(runChild(cacheLocation).seconds);
    const w = median(warm);
    console.log(`cached check: cold ${cold.toFixed(2)} s, warm median ${w.toFixed(2)} s (${(cold / w).toFixed(1)}× faster)`);
  }
  if (!args.includes('--skip-pr')) pullRequest();
  if (!args.includes('--skip-shards')) shards();
  if (!args.includes('--skip-startup')) printStartup();
}

function printStartup(): void {
  const runs = startup();
  console.log(`check on one small file, CLI start to exit${against ? ', the two builds alternately' : ''}:`);
  for (const [name, s] of runs) {
    console.log(`  ${name}: median ${median(s.wall).toFixed(2)} s wall (runs: ${list(s.wall)})`);
    if (s.cpu.length) console.log(`    CPU time median ${median(s.cpu).toFixed(2)} s (runs: ${list(s.cpu)})`);
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
