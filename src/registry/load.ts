import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { LocatedYaml, type YamlProblem } from '../yaml/located.js';
import { schemaValidator } from '../schemas.js';
import { tryCompile, union } from './patterns.js';
import type { CanonicalClaim, ClaimExample, CompiledClaim, CompiledValue, Registry, ValueVerdict } from './types.js';

export class RegistryError extends Error {
  constructor(readonly problems: readonly YamlProblem[]) {
    super(`invalid registry: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  }
}

export type RegistryLoad =
  | { readonly ok: true; readonly registry: Registry }
  | { readonly ok: false; readonly problems: readonly YamlProblem[] };

/** Registry files at a location: a YAML file, or every *.yaml / *.yml in a directory (sorted). */
export function registryFiles(location: string): string[] {
  const st = statSync(location);
  if (st.isFile()) return [location];
  return readdirSync(location)
    .filter((f) => ['.yaml', '.yml'].includes(extname(f)))
    .sort()
    .map((f) => join(location, f));
}

/**
 * Reads, schema-checks and compiles the registry. Every problem carries its
 * file:line:col; nothing is compiled if any file has a problem.
 */
export function loadRegistry(location: string, cwd = process.cwd()): RegistryLoad {
  let files: string[];
  try {
    files = registryFiles(location);
  } catch {
    return { ok: false, problems: [{ file: relative(cwd, location) || location, line: 1, column: 1, message: 'registry location does not exist or cannot be read' }] };
  }
  if (files.length === 0) {
    return { ok: false, problems: [{ file: relative(cwd, location) || location, line: 1, column: 1, message: 'no registry files (*.yaml) found here' }] };
  }
  const problems: YamlProblem[] = [];
  const compiled: CompiledClaim[] = [];
  const seen = new Map<string, string>();
  const hash = createHash('sha256');
  for (const file of files) {
    const display = relative(cwd, file) || file;
    const text = readFileSync(file, 'utf8');
    hash.update(display).update('\0').update(text).update('\0');
    const doc = new LocatedYaml(display, text);
    if (doc.problems.length) {
      problems.push(...doc.problems);
      continue;
    }
    const schemaProblems = doc.schemaProblems(schemaValidator('registry.schema.json'));
    if (schemaProblems.length) {
      problems.push(...schemaProblems);
      continue;
    }
    const claims = (doc.value as { claims: CanonicalClaim[] }).claims;
    claims.forEach((claim, i) => {
      const at = (path: (string | number)[], message: string, key = false) =>
        problems.push(doc.problemAt(['claims', i, ...path], message, key));
      const first = seen.get(claim.id);
      if (first) at(['id'], `duplicate claim id "${claim.id}" (first defined at ${first})`);
      const origin = doc.locate(['claims', i]);
      seen.set(claim.id, `${display}:${origin.line}`);
      const before = problems.length;
      checkPatterns(claim, at);
      checkValues(claim, at);
      if (problems.length === before) {
        const examples = (['supports', 'contradicts', 'unrelated'] as const).flatMap((kind) =>
          claim.examples[kind].map((text, j) => ({ kind, text, line: doc.locate(['claims', i, 'examples', kind, j]).line })),
        );
        compiled.push(compileClaim(claim, { file: display, line: origin.line }, examples));
      }
    });
  }
  if (problems.length) return { ok: false, problems };
  const firsts = compiled.map((c) => c.claim.context.all?.[0]);
  const gate = firsts.every((p): p is string => p !== undefined) ? union(firsts, 'u') : undefined;
  return {
    ok: true,
    registry: {
      claims: compiled,
      byId: new Map(compiled.map((c) => [c.claim.id, c])),
      ...(gate ? { gate } : {}),
      files: files.map((f) => relative(cwd, f) || f),
      digest: hash.digest('hex').slice(0, 16),
    },
  };
}

type At = (path: (string | number)[], message: string, key?: boolean) => void;

function checkPatterns(claim: CanonicalClaim, at: At): void {
  for (const part of ['all', 'any', 'none'] as const) {
    claim.context[part]?.forEach((p, j) => {
      const r = tryCompile(p);
      if (typeof r === 'string') at(['context', part, j], `pattern does not compile: ${r}`);
    });
  }
  for (const [name, value] of Object.entries(claim.values)) {
    value.phrases.forEach((p, j) => {
      const r = tryCompile(p);
      if (typeof r === 'string') at(['values', name, 'phrases', j], `pattern does not compile: ${r}`);
      else if (r.test('')) at(['values', name, 'phrases', j], 'pattern matches the empty string');
    });
  }
}

function checkValues(claim: CanonicalClaim, at: At): void {
  const names = Object.keys(claim.values);
  if (!claim.values[claim.canonical]) {
    at(['canonical'], `canonical value "${claim.canonical}" is not one of the values (${names.join(', ')})`);
  } else if (claim.values[claim.canonical]!.verdict && claim.values[claim.canonical]!.verdict !== 'supports') {
    at(['values', claim.canonical, 'verdict'], 'the canonical value must support the claim');
  }
  for (const [name, value] of Object.entries(claim.values)) {
    if (value.negation !== undefined && !claim.values[value.negation]) {
      at(['values', name, 'negation'], `negation names "${value.negation}", which is not one of the values (${names.join(', ')})`);
    }
  }
}

function compileClaim(claim: CanonicalClaim, origin: { file: string; line: number }, examples: ClaimExample[]): CompiledClaim {
  const values: CompiledValue[] = Object.entries(claim.values).map(([name, v]) => ({
    name,
    label: v.label,
    // Longer phrases first, so 不清零 wins over 清零 when both are listed.
    phrases: union([...v.phrases].sort((a, b) => b.length - a.length), 'gu'),
    negation: v.negation,
    when: v.when,
    verdict: v.verdict ?? (name === claim.canonical ? 'supports' : ('contradicts' as ValueVerdict)),
  }));
  return {
    claim,
    origin,
    all: (claim.context.all ?? []).map((p) => union([p], 'u')),
    any: claim.context.any ? union(claim.context.any, 'u') : undefined,
    none: claim.context.none ? union(claim.context.none, 'u') : undefined,
    values,
    valueByName: new Map(values.map((v) => [v.name, v])),
    examples,
  };
}
