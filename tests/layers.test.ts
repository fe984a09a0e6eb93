// The import rules of .dependency-cruiser.cjs: src/ has no import cycles and no
// layer imports from a layer above it. The second test shows the rules bite: a
// small tree with one upward import and one cycle is reported for both.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const ROOT = resolve(import.meta.dirname, '..');
const CONFIG = join(ROOT, '.dependency-cruiser.cjs');

async function cruised(baseDir: string, withTsConfig: boolean): Promise<ICruiseResult['summary']> {
  const options = await extractDepcruiseOptions(CONFIG);
  const { tsConfig, ...rest } = options as typeof options & { tsConfig?: unknown };
  const transpile = withTsConfig ? { tsConfig: extractTSConfig(join(ROOT, 'tsconfig.json')) } : {};
  const result = await cruise(
    ['src'],
    { ...rest, ...(withTsConfig ? { tsConfig } : {}), baseDir, validate: true, outputType: 'json' },
    { extensions: ['.ts', '.js'] },
    transpile,
  );
  const output = (typeof result.output === 'string' ? JSON.parse(result.output) : result.output) as ICruiseResult;
  return output.summary;
}

const scratch = mkdtempSync(join(tmpdir(), 'claimlint-layers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(rel: string, text: string): void {
  const path = join(scratch, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

describe('import layers', () => {
  it('src/ has no cycles and no upward imports', async () => {
    const summary = await cruised(ROOT, true);
    // Every module is seen with its imports resolved (`./x.js` to x.ts), else an empty list proves nothing.
    expect(summary.totalCruised).toBeGreaterThan(100);
    expect(summary.totalDependenciesCruised).toBeGreaterThan(400);
    const found = summary.violations;
    expect(found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`)).toEqual([]);
  });

  it('reports an upward import and a cycle', async () => {
    // text/ (base) importing cli/ (entry), and two registry modules importing each other.
    write('src/text/escape.ts', "import { main } from '../cli/main';\nexport const x = main;\n");
    write('src/cli/main.ts', 'export const main = 1;\n');
    write('src/registry/a.ts', "import { b } from './b';\nexport const a = () => b;\n");
    write('src/registry/b.ts', "import { a } from './a';\nexport const b = () => a;\n");
    const found = (await cruised(scratch, false)).violations;
    const names = found.map((v) => `${v.rule.name}: ${v.from} → ${v.to}`);
    expect(names).toContain('no-upward-from-base: src/text/escape.ts → src/cli/main.ts');
    expect(names.filter((n) => n.startsWith('no-circular:')).length).toBeGreaterThan(0);
    expect(names.every((n) => !n.includes('src/cli/main.ts →'))).toBe(true);
  });
});
