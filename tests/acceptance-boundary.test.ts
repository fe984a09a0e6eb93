// The line between the project's own tests and the acceptance suite: project
// tests never read ../shared (a fresh clone has none), and the gate that leaves
// the suite out says so, or fails when CI requires the suite.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCEPTANCE_ENV, acceptancePlan, repoRoot, sharedPresent } from './helpers/acceptance.js';
import { tempTree } from './helpers/cli.js';

const testsDir = join(repoRoot, 'tests');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? (e.name === 'acceptance' || e.name === 'fixtures' ? [] : sources(join(dir, e.name))) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

// Ways a test reaches ../shared: building a path to it, or using the suite's helpers.
const READS_SHARED = [/(?:resolve|join)\([^)]*['"](?:\.\.\/)?shared\b/, /samplesDir|sharedDir/, /helpers\/acceptance\.js/];
// The gate itself and the helper module may name it; so may this test.
const GATE_FILES = new Set(['tests/helpers/acceptance.ts', 'tests/acceptance-gate.ts', 'tests/acceptance-boundary.test.ts']);

describe('project tests', () => {
  it('do not read ../shared outside tests/acceptance', () => {
    const offenders = sources(testsDir)
      .map((f) => relative(repoRoot, f))
      .filter((f) => !GATE_FILES.has(f))
      .flatMap((f) => {
        const text = readFileSync(join(repoRoot, f), 'utf8');
        return READS_SHARED.filter((re) => re.test(text)).map((re) => `${f} ${re.source}`);
      });
    expect(offenders).toEqual([]);
  });

  it('the check above would catch a test that builds the path', () => {
    expect(READS_SHARED.some((re) => re.test("const d = resolve(root, '../shared/samples');"))).toBe(true);
    expect(READS_SHARED.some((re) => re.test("resolve(repoRoot, '..', 'shared', 'samples')"))).toBe(true);
    // A path that merely appears in an expectation is not a read.
    expect(READS_SHARED.some((re) => re.test("expect(displayPath('/a', '/b')).toBe('../shared/samples/x.txt');"))).toBe(false);
  });
});

describe('the acceptance gate', () => {
  it('runs the suite when ../shared/samples is there, whatever the environment says', () => {
    expect(acceptancePlan({}, true)).toEqual({ run: true });
    expect(acceptancePlan({ [ACCEPTANCE_ENV]: 'required' }, true)).toEqual({ run: true });
  });

  it('prints one line naming the missing directory and the variable when it is absent', () => {
    const plan = acceptancePlan({}, false);
    expect(plan.run).toBe(false);
    expect('notice' in plan && plan.notice).toMatch(/^acceptance suite .* not run: \.\.\/shared\/samples is not beside this checkout; set CLAIMLINT_ACCEPTANCE=required/);
    expect('notice' in plan && plan.notice.includes('\n')).toBe(false);
  });

  it('fails when CI requires the suite and it is absent', () => {
    const plan = acceptancePlan({ [ACCEPTANCE_ENV]: 'required' }, false);
    expect('failure' in plan && plan.failure).toMatch(/required .* \.\.\/shared\/samples is not beside this checkout/);
  });

  it('counts only a directory as present', () => {
    const dir = tempTree({ 'shared/samples': 'a file, not a directory', 'other/samples/x.txt': 'x' });
    expect(sharedPresent(join(dir, 'shared', 'samples'))).toBe(false);
    expect(sharedPresent(join(dir, 'missing'))).toBe(false);
    expect(sharedPresent(join(dir, 'other', 'samples'))).toBe(true);
  });

  it('is what .ci/run asks for', () => {
    expect(readFileSync(join(repoRoot, '.ci', 'run'), 'utf8')).toMatch(/^export CLAIMLINT_ACCEPTANCE=required$/m);
  });
});
