import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { repoRoot, runCli, tempTree } from '../helpers/cli.js';

const registry = join(repoRoot, 'claims');
const wrong = '---\ntitle: 断缴以后\n---\n\n职工医保断交以后，个人账户里的余额过段时间就作废了。\n';
const right = '---\ntitle: 停缴以后\n---\n\n停缴以后个人账户余额归个人所有，不会作废。\n';

describe('exit codes', () => {
  it('0 when no error-severity finding', () => {
    const dir = tempTree({ 'a.md': right });
    const r = runCli(['check', 'a.md', '--registry', registry, '--format', 'json', '--as-of', '2026-01-01'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.errors).toBe(0);
  });

  it('1 with an error finding, and stdout carries only the report', () => {
    const dir = tempTree({ 'a.md': wrong });
    const r = runCli(['check', 'a.md', '--registry', registry, '--format', 'json', '--as-of', '2026-01-01'], dir);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.findings).toHaveLength(1);
    expect(report.findings[0]).toMatchObject({
      ruleId: 'claim-contradiction',
      severity: 'error',
      file: 'a.md',
      line: 5,
      claimId: 'personal-account.balance-after-lapse',
      excerpt: '职工医保断交以后，个人账户里的余额过段时间就作废了。',
    });
    // The cue 作废 is at UTF-16 column 23 of line 5 (1-based), two units long.
    expect(report.findings[0].column).toBe('职工医保断交以后，个人账户里的余额过段时间就'.length + 1);
    expect(report.findings[0].endColumn).toBe(report.findings[0].column + 2);
    expect(r.stderr).toBe('');
  });

  it('2 on an unknown flag, with a one-line reason', () => {
    const r = runCli(['check', '--nope']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')[0]).toMatch(/^claimlint: unknown option '--nope'/);
  });

  it('2 on a malformed --as-of', () => {
    const r = runCli(['check', '--as-of', '2026-02-30']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--as-of must be a date/);
  });

  it('2 on an unknown format', () => {
    const r = runCli(['check', '--format', 'xml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown format "xml"/);
  });

  it('2 for a missing input, after reporting the files that exist', () => {
    const dir = tempTree({ 'a.md': wrong });
    const r = runCli(['check', 'a.md', 'missing.md', '--registry', registry, '--format', 'json'], dir);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout).findings).toHaveLength(1);
    expect(r.stderr).toMatch(/missing\.md: no such file/);
  });
});

describe('config', () => {
  it('reports an unknown key with its file and line, exit 2', () => {
    const dir = tempTree({ 'claimlint.config.yaml': 'corpus:\n  - "*.md"\nrulez:\n  stale-year: off\n', 'a.md': right });
    const r = runCli(['check', '--registry', registry], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/claimlint\.config\.yaml:3:1: unknown key "rulez"/);
  });

  it('reports an unknown rule id with its line', () => {
    const dir = tempTree({ 'claimlint.config.yaml': 'rules:\n  claim-contradictions: off\n', 'a.md': right });
    const r = runCli(['check', 'a.md', '--registry', registry], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/claimlint\.config\.yaml:2:3: unknown rule "claim-contradictions"/);
  });

  it('checks rule options against the rule’s own schema, with the line', () => {
    const dir = tempTree({ 'claimlint.config.yaml': 'rules:\n  stale-year:\n    severity: warning\n    options:\n      minAge: 0\n      maxAge: 3\n', 'a.md': right });
    const r = runCli(['check', 'a.md', '--registry', registry], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/claimlint\.config\.yaml:5:15: rule "stale-year", option "minAge" must be >= 1/);
    expect(r.stderr).toMatch(/claimlint\.config\.yaml:6:7: unknown option "maxAge" for rule "stale-year"/);
  });

  it('turns a rule off and changes a severity', () => {
    const off = tempTree({ 'claimlint.config.yaml': 'rules:\n  claim-contradiction: off\n', 'a.md': wrong });
    expect(runCli(['check', 'a.md', '--registry', registry, '--format', 'json'], off).code).toBe(0);
    const warn = tempTree({ 'claimlint.config.yaml': 'rules:\n  claim-contradiction: warning\n', 'a.md': wrong });
    const r = runCli(['check', 'a.md', '--registry', registry, '--format', 'json'], warn);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).findings[0].severity).toBe('warning');
  });

  it('uses corpus globs and ignore globs from the config when no path is given', () => {
    const dir = tempTree({
      'claimlint.config.yaml': 'corpus: ["docs/**/*.md"]\nignore: ["docs/drafts/**"]\n',
      'docs/a.md': wrong,
      'docs/drafts/b.md': wrong,
      'other/c.md': wrong,
    });
    const r = runCli(['check', '--registry', registry, '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).findings.map((f: { file: string }) => f.file)).toEqual(['docs/a.md']);
  });
});

describe('registry errors', () => {
  const claim = (pattern: string) => `claims:
  - id: demo.claim
    topic: demo
    subject: 演示
    statement: 演示陈述。
    canonical: yes
    scope: national
    effective: "2021-01-01"
    confidence: high
    source: { title: 演示文件 }
    context: { all: ['演示'] }
    values:
      yes: { label: 是, phrases: ['可以'] }
      no: { label: 否, phrases: ['${pattern}'] }
    examples: { supports: [], contradicts: [], unrelated: [] }
`;

  it('validate names the file, line and column of a pattern that does not compile', () => {
    const dir = tempTree({ 'reg/demo.yaml': claim('不(可以') });
    const r = runCli(['registry', 'validate', '--registry', 'reg'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/^reg\/demo\.yaml:14:33: pattern does not compile/m);
  });

  it('validate reports a missing field and an unknown key', () => {
    const text = claim('不可以').replace('    confidence: high\n', '    confidance: high\n');
    const dir = tempTree({ 'reg/demo.yaml': text });
    const r = runCli(['registry', 'validate', '--registry', 'reg'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/reg\/demo\.yaml:9:5: unknown key "confidance"/);
    expect(r.stdout).toMatch(/reg\/demo\.yaml:2:5: missing required key "confidence"/);
  });

  it('validate reports a duplicate id across files', () => {
    const dir = tempTree({ 'reg/a.yaml': claim('不可以'), 'reg/b.yaml': claim('不可以') });
    const r = runCli(['registry', 'validate', '--registry', 'reg'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/reg\/b\.yaml:2:9: duplicate claim id "demo\.claim" \(first defined at reg\/a\.yaml:2\)/);
  });

  it('check refuses an invalid registry with exit 2 and the location', () => {
    const dir = tempTree({ 'reg/demo.yaml': claim('不(可以'), 'a.md': right });
    const r = runCli(['check', 'a.md', '--registry', 'reg'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^claimlint: invalid registry: reg\/demo\.yaml:14:33: pattern does not compile/);
  });

  it('an example that is read wrongly fails registry test and makes the registry refuse to load', () => {
    const text = claim('不可以').replace("examples: { supports: [], contradicts: [], unrelated: [] }", "examples: { supports: ['演示时不可以这样'], contradicts: [], unrelated: [] }");
    const dir = tempTree({ 'reg/demo.yaml': text, 'a.md': right });
    const t = runCli(['registry', 'test', '--registry', 'reg'], dir);
    expect(t.code).toBe(1);
    expect(t.stdout).toMatch(/✖ demo\.claim/);
    expect(t.stdout).toMatch(/reg\/demo\.yaml:15: supports: “演示时不可以这样” — expected supported, read contradicted/);
    expect(t.stdout).toMatch(/0 passed, 1 failed/);
    const c = runCli(['check', 'a.md', '--registry', 'reg'], dir);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/example read wrongly/);
  });

  it('the bundled registry validates and passes its own tests', () => {
    expect(runCli(['registry', 'validate']).code).toBe(0);
    const t = runCli(['registry', 'test']);
    expect(t.stdout).toMatch(/ 0 failed/);
    expect(t.code).toBe(0);
  });
});

describe('bad input', () => {
  it('keeps going past binary, empty, GB18030 and malformed-front-matter files', () => {
    // 医保 in GB18030 is D2 BD B1 A3; 停缴 is CD A3 BD C9.
    const gb = Uint8Array.from([0xd2, 0xbd, 0xb1, 0xa3, 0x0a]);
    const dir = tempTree({
      'a-binary.md': Uint8Array.from([0x00, 0x01, 0x02, 0x00, 0xff]),
      'b-empty.md': '',
      'c-gb.txt': gb,
      'd-front.md': '---\ntitle: [unclosed\n---\n\n职工医保断交以后，个人账户里的余额过段时间就作废了。\n',
    });
    const r = runCli(['check', '.', '--registry', registry, '--format', 'json'], dir);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const report = JSON.parse(r.stdout);
    const byFile = (f: string) => report.findings.filter((x: { file: string }) => x.file === f);
    expect(byFile('a-binary.md')[0]).toMatchObject({ ruleId: 'input', severity: 'warning' });
    expect(byFile('b-empty.md')[0]).toMatchObject({ ruleId: 'input', severity: 'info' });
    expect(byFile('c-gb.txt')[0]).toMatchObject({ ruleId: 'input', severity: 'info', line: 1 });
    expect(byFile('c-gb.txt')[0].message).toMatch(/GB18030/);
    const front = byFile('d-front.md');
    expect(front.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(['claim-contradiction', 'input']);
    expect(front.find((f: { ruleId: string }) => f.ruleId === 'input').line).toBe(2);
    expect(report.summary.files).toBe(4);
  });

  it('skips other extensions in a directory with a note, not an error', () => {
    const dir = tempTree({ 'a.md': right, 'b.pdf': 'x' });
    const r = runCli(['check', '.', '--registry', registry, '--format', 'json'], dir);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).summary.files).toBe(1);
  });
});

describe('determinism', () => {
  it('gives byte-identical json across runs', () => {
    const a = runCli(['check', '--format', 'json', '--as-of', '2026-11-22']);
    const b = runCli(['check', '--format', 'json', '--as-of', '2026-11-22']);
    expect(a.stdout.length).toBeGreaterThan(100);
    expect(a.stdout).toBe(b.stdout);
  });
});
