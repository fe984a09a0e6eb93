import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { LocatedYaml, problemOf, type YamlProblem } from '../yaml/located.js';
import { msg, type Message } from '../i18n/message.js';
import { pushAll } from '../arrays.js';
import { schemaValidator } from '../schemas.js';
import { expandPlaceholders, tryCompile, union } from './patterns.js';
import { patternHazard } from './pattern-safety.js';
import { guardPattern as guard } from './literals.js';
import { LiteralScanner } from '../text/literal-scanner.js';
import { expandConcepts, loadLexicon, unusedConcepts, type Lexicon } from './lexicon.js';
import { packagePath } from '../paths.js';
import type { CanonicalClaim, ClaimExample, CompiledClaim, CompiledFrame, CompiledValue, GuardedPattern, Registry, ValueVerdict } from './types.js';

/** The lexicon's file name inside a registry directory. */
export const LEXICON_FILE = 'lexicon.yaml';

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
    .filter((f) => ['.yaml', '.yml'].includes(extname(f)) && f !== LEXICON_FILE)
    .sort()
    .map((f) => join(location, f));
}

/**
 * Reads, schema-checks and compiles the registry. Every problem carries its
 * file:line:col; nothing is compiled if any file has a problem.
 */
export interface RegistryOptions {
  /** The lexicon file (default: lexicon.yaml beside the claims, else the bundled one). */
  readonly lexicon?: string;
}

/** Where a registry's lexicon is: named, beside a registry directory's claims, or the bundled one. */
export function lexiconPath(location: string, options: RegistryOptions = {}): string {
  if (options.lexicon) return options.lexicon;
  try {
    if (statSync(location).isDirectory()) {
      const own = join(location, LEXICON_FILE);
      if (statSync(own, { throwIfNoEntry: false })?.isFile()) return own;
    }
  } catch {
    // A missing location is reported by loadRegistry itself.
  }
  return packagePath('claims', LEXICON_FILE);
}

export function loadRegistry(location: string, cwd = process.cwd(), options: RegistryOptions = {}): RegistryLoad {
  let files: string[];
  try {
    files = registryFiles(location);
  } catch {
    return { ok: false, problems: [problemOf(relative(cwd, location) || location, 1, 1, msg('registry.missing'))] };
  }
  if (files.length === 0) {
    return { ok: false, problems: [problemOf(relative(cwd, location) || location, 1, 1, msg('registry.no-files'))] };
  }
  const lexiconLoad = loadLexicon(lexiconPath(location, options), cwd);
  if (!lexiconLoad.ok) return { ok: false, problems: lexiconLoad.problems };
  const lexicon = lexiconLoad.lexicon;
  const used = new Set<string>();
  const warnings: YamlProblem[] = [];
  const problems: YamlProblem[] = [];
  const compiled: CompiledClaim[] = [];
  const seen = new Map<string, string>();
  const hash = createHash('sha256');
  hash.update(lexicon.file ?? '').update('\0').update(lexicon.text).update('\0');
  const scanner = new LiteralScanner();
  for (const file of files) {
    const display = relative(cwd, file) || file;
    const text = readFileSync(file, 'utf8');
    hash.update(display).update('\0').update(text).update('\0');
    const doc = new LocatedYaml(display, text);
    if (doc.problems.length) {
      pushAll(problems, doc.problems);
      continue;
    }
    const schemaProblems = doc.schemaProblems(schemaValidator('registry.schema.json'));
    if (schemaProblems.length) {
      pushAll(problems, schemaProblems);
      continue;
    }
    const written = (doc.value as { claims: CanonicalClaim[] }).claims;
    written.forEach((raw, i) => {
      const at = (path: (string | number)[], message: string | Message, key = false) =>
        problems.push(doc.problemAt(['claims', i, ...path], message, key));
      const claim = resolveConcepts(raw, lexicon, used, at);
      raw.exceptions?.forEach((e, j) => {
        if (e.source) return;
        // Still reported when acknowledged: an unverified exception is a standing to-do, but a
        // maintainer who marked it knows, so the message says so instead of asking again.
        const acknowledged = e.confidence === 'medium' || e.confidence === 'low';
        warnings.push(
          doc.problemAt(
            ['claims', i, 'exceptions', j],
            acknowledged
              ? msg('registry.exception-unverified', { id: e.id, confidence: e.confidence! })
              : msg('registry.exception-no-source', { id: e.id }),
          ),
        );
      });
      const first = seen.get(claim.id);
      if (first) at(['id'], msg('registry.duplicate-id', { id: claim.id, first }));
      const origin = doc.locate(['claims', i]);
      seen.set(claim.id, `${display}:${origin.line}`);
      const before = problems.length;
      checkPatterns(claim, at);
      checkValues(claim, at);
      if (problems.length === before) {
        const examples = (['supports', 'contradicts', 'unrelated'] as const).flatMap((kind) =>
          claim.examples[kind].map((text, j) => ({ kind, text, line: doc.locate(['claims', i, 'examples', kind, j]).line })),
        );
        const built = compileClaim(claim, { file: display, line: origin.line }, examples, scanner);
        // One alternative without a fixed string of 2+ characters switches off the scan gate for
        // every claim (each sentence then runs every claim's regexes): easy to do by adding one
        // synonym, invisible in the findings, so validate says where.
        if (claim.context.all?.length && built.guarded?.all[0]?.lists[0] === undefined) {
          warnings.push(doc.problemAt(['claims', i, 'context', 'all', 0], msg('registry.no-scan-literal', { id: claim.id })));
        }
        compiled.push(built);
      }
    });
  }
  if (problems.length) return { ok: false, problems };
  pushAll(warnings, unusedConcepts(lexicon, used));
  const firsts = compiled.map((c) => c.claim.context.all?.[0]);
  const gate = firsts.every((p): p is string => p !== undefined) ? union(firsts, 'u') : undefined;
  const firstLists = compiled.map((c) => c.guarded?.all[0]?.lists[0]);
  const scanGate = firstLists.every((id): id is number => id !== undefined)
    ? scanner.add([...new Set(firstLists.flatMap((id) => scanner.strings(id)))])
    : undefined;
  return {
    ok: true,
    registry: {
      claims: compiled,
      byId: new Map(compiled.map((c) => [c.claim.id, c])),
      ...(gate ? { gate } : {}),
      scanner,
      ...(scanGate !== undefined ? { scanGate } : {}),
      lexicon,
      warnings,
      files: files.map((f) => relative(cwd, f) || f),
      digest: hash.digest('hex').slice(0, 16),
    },
  };
}

type At = (path: (string | number)[], message: string | Message, key?: boolean) => void;

function checkPatterns(claim: CanonicalClaim, at: At): void {
  // A pattern that compiles may still hang a run or break the joined expressions.
  const hazard = (p: string, path: (string | number)[]) => {
    const h = patternHazard(expandPlaceholders(p));
    if (h) at(path, h);
  };
  for (const part of ['all', 'any', 'none'] as const) {
    claim.context[part]?.forEach((p, j) => {
      const r = tryCompile(p);
      if (typeof r === 'string') at(['context', part, j], msg('registry.pattern-compile', { reason: r }));
      else hazard(p, ['context', part, j]);
    });
  }
  const more: [readonly string[] | undefined, (string | number)[]][] = [
    [claim.binding?.subject, ['binding', 'subject']],
    [claim.binding?.others, ['binding', 'others']],
    [claim.covers, ['covers']],
    ...(claim.exceptions ?? []).map((e, j): [readonly string[], (string | number)[]] => [e.when, ['exceptions', j, 'when']]),
  ];
  for (const [patterns, path] of more) {
    patterns?.forEach((p, j) => {
      const r = tryCompile(p);
      if (typeof r === 'string') at([...path, j], msg('registry.pattern-compile', { reason: r }));
      else hazard(p, [...path, j]);
    });
  }
  for (const [name, value] of Object.entries(claim.values)) {
    // A phrase or anchor matching the empty string would be a hit everywhere.
    const cue = (p: string, path: (string | number)[]) => {
      const r = tryCompile(p);
      if (typeof r === 'string') at(path, msg('registry.pattern-compile', { reason: r }));
      else if (r.test('')) at(path, msg('registry.pattern-empty'));
      else hazard(p, path);
    };
    value.phrases?.forEach((p, j) => cue(p, ['values', name, 'phrases', j]));
    value.frames?.forEach((f, j) => {
      cue(f.anchor, ['values', name, 'frames', j, 'anchor']);
      for (const part of ['with', 'without'] as const) {
        f[part]?.forEach((p, k) => {
          const r = tryCompile(p);
          if (typeof r === 'string') at(['values', name, 'frames', j, part, k], msg('registry.pattern-compile', { reason: r }));
          else hazard(p, ['values', name, 'frames', j, part, k]);
        });
      }
    });
  }
}

function checkValues(claim: CanonicalClaim, at: At): void {
  const names = Object.keys(claim.values);
  if (!claim.values[claim.canonical]) {
    at(['canonical'], msg('registry.canonical-not-value', { value: claim.canonical, names: names.join(', ') }));
  } else if (claim.values[claim.canonical]!.verdict && claim.values[claim.canonical]!.verdict !== 'supports') {
    at(['values', claim.canonical, 'verdict'], msg('registry.canonical-verdict'));
  }
  for (const [name, value] of Object.entries(claim.values)) {
    if (value.negation !== undefined && !claim.values[value.negation]) {
      at(['values', name, 'negation'], msg('registry.negation-not-value', { value: value.negation, names: names.join(', ') }));
    }
    if (value.verdict === 'local-rule' && !value.when) at(['values', name, 'verdict'], msg('registry.local-rule-when'));
  }
  claim.exceptions?.forEach((e, j) => {
    e.values?.forEach((v, k) => {
      if (!claim.values[v]) at(['exceptions', j, 'values', k], msg('registry.exception-not-value', { value: v, names: names.join(', ') }));
      else if (v === claim.canonical) at(['exceptions', j, 'values', k], msg('registry.exception-canonical'));
    });
  });
}

/**
 * The claim with every {concept} reference expanded. An unknown name is
 * reported at the pattern that uses it.
 */
function resolveConcepts(claim: CanonicalClaim, lexicon: Lexicon, used: Set<string>, at: At): CanonicalClaim {
  const list = (patterns: readonly string[] | undefined, path: (string | number)[]): string[] | undefined =>
    patterns?.map((p, j) => {
      const r = expandConcepts(p, lexicon, used);
      for (const name of r.unknown) at([...path, j], msg('registry.unknown-concept', { name, where: lexicon.file ? msg('registry.lexicon-where', { file: lexicon.file }) : '' }));
      return r.source;
    });
  const opt = <K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } => (v === undefined ? {} : ({ [key]: v } as { [P in K]?: V }));
  const context = claim.context;
  return {
    ...claim,
    context: { ...opt('all', list(context.all, ['context', 'all'])), ...opt('any', list(context.any, ['context', 'any'])), ...opt('none', list(context.none, ['context', 'none'])) },
    values: Object.fromEntries(
      Object.entries(claim.values).map(([name, v]) => [
        name,
        {
          ...v,
          ...opt('phrases', list(v.phrases, ['values', name, 'phrases'])),
          ...opt(
            'frames',
            v.frames?.map((f, j) => ({
              anchor: list([f.anchor], ['values', name, 'frames', j, 'anchor'])![0]!,
              with: list(f.with, ['values', name, 'frames', j, 'with'])!,
              ...opt('without', list(f.without, ['values', name, 'frames', j, 'without'])),
            })),
          ),
        },
      ]),
    ),
    ...(claim.binding
      ? {
          binding: {
            ...opt('subject', list(claim.binding.subject, ['binding', 'subject'])),
            ...opt('others', list(claim.binding.others, ['binding', 'others'])),
            ...opt('unnamed', claim.binding.unnamed),
          },
        }
      : {}),
    ...(claim.covers ? { covers: list(claim.covers, ['covers'])! } : {}),
    ...(claim.exceptions ? { exceptions: claim.exceptions.map((e, j) => ({ ...e, when: list(e.when, ['exceptions', j, 'when'])! })) } : {}),
  };
}

function compileClaim(claim: CanonicalClaim, origin: { file: string; line: number }, examples: ClaimExample[], scanner: LiteralScanner): CompiledClaim {
  const values: CompiledValue[] = Object.entries(claim.values).map(([name, v]) => {
    // Longer phrases first, so 不清零 wins over 清零 when both are listed.
    const phrases = union([...(v.phrases ?? ['(?!)'])].sort((a, b) => b.length - a.length), 'gu');
    const frames = (v.frames ?? []).map((f): CompiledFrame => {
      const anchor = union([f.anchor], 'gu');
      return {
        anchor,
        with: f.with.map((p) => union([p], 'gu')),
        ...(f.without ? { without: union(f.without, 'u') } : {}),
        anchorLists: phraseGuard(anchor, scanner),
      };
    });
    return {
      name,
      label: v.label,
      phrases,
      // Phrases are run for their positions anyway: only what they need matters.
      // A value with frames is settled by its frames' own lists.
      ...(v.phrases && !frames.length ? { phraseLists: phraseGuard(phrases, scanner) } : {}),
      phraseListsInMatch: !phrases.source.includes('(?<='),
      frames,
      negation: v.negation,
      when: v.when,
      verdict: v.verdict ?? (name === claim.canonical ? 'supports' : ('contradicts' as ValueVerdict)),
    };
  });
  const all = (claim.context.all ?? []).map((p) => union([p], 'u'));
  // Each part of `any` / `none` on its own (a union matches when one part does): most are plain
  // word lists, which are merged into one list the scanner settles with one lookup.
  const parts = (list: readonly string[] | undefined): GuardedPattern[] => {
    if (!list) return [];
    if (list.length === 0) return [guard(union(list, 'u'), scanner)];
    const guards = list.map((p) => guard(union([p], 'u'), scanner));
    const exact = guards.filter((g) => g.exact);
    if (exact.length < 2) return guards;
    const merged: GuardedPattern = {
      re: union(list.filter((_, j) => guards[j]!.exact), 'u'),
      lists: [scanner.add([...new Set(exact.flatMap((g) => scanner.strings(g.lists[0]!)))])],
      exact: true,
    };
    return [merged, ...guards.filter((g) => !g.exact)];
  };
  return {
    claim,
    origin,
    all,
    any: claim.context.any ? union(claim.context.any, 'u') : undefined,
    none: claim.context.none ? union(claim.context.none, 'u') : undefined,
    guarded: { all: all.map((re) => guard(re, scanner)), any: parts(claim.context.any), none: parts(claim.context.none) },
    values,
    subject: union(claim.binding?.subject ?? (claim.context.all?.length ? [claim.context.all[0]!] : ['(?!)']), 'gu'),
    ...(claim.binding?.others ? { otherSubjects: union(claim.binding.others, 'gu') } : {}),
    ...(claim.binding?.unnamed ? { unnamed: claim.binding.unnamed } : {}),
    ...(claim.context.any || claim.context.all?.length
      ? { topic: union([...(claim.context.all ?? []), ...(claim.context.any ?? [])], 'u') }
      : {}),
    ...(claim.covers ? { covers: union(claim.covers, 'u') } : {}),
    exceptions: (claim.exceptions ?? []).map((exception) => ({ exception, when: union(exception.when, 'u') })),
    valueByName: new Map(values.map((v) => [v.name, v])),
    examples,
  };
}

/**
 * The scanner lists a value's phrases need. Lists with single characters
 * (月, 才) are common and cost the scanner a mark at every occurrence, so
 * they are used only when a value has nothing better.
 */
function phraseGuard(phrases: RegExp, scanner: LiteralScanner): readonly number[] {
  const lists = guard(phrases, scanner, { exact: false }).lists;
  return lists.length > 0 ? lists : guard(phrases, scanner, { exact: false, shortest: 1 }).lists;
}
