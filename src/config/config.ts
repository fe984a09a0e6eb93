import { existsSync, readFileSync, statSync } from 'node:fs';
import { fsReason, fsReasonRef } from '../fs-errors.js';
import { dirname, join, relative, resolve } from 'node:path';
import type { Severity } from '../types.js';
import type { RuleSetting } from '../kernel/run-rules.js';
import { compileSchema, schemaValidator } from '../schemas.js';
import { LocatedYaml, pointerToPath, schemaErrorRef, type YamlProblem } from '../yaml/located.js';
import { msg } from '../i18n/message.js';
import type { RuleMeta } from '../types.js';
import { packagePath } from '../paths.js';
import { globProblem } from '../engine/glob-safety.js';
import type { Locale } from '../i18n/catalogue.js';
import { INPUT_FORMATS } from '../parse/formats.js';

export const CONFIG_FILE = 'claimlint.config.yaml';

/** Config with every path resolved and every default applied. */
export interface Config {
  /** The config file, when one was read. */
  readonly file?: string;
  /** Directory globs are relative to (the config's folder, else the working directory). */
  readonly base: string;
  readonly corpus: readonly string[];
  readonly ignore: readonly string[];
  readonly text: readonly string[];
  readonly registry: string;
  readonly cues?: string;
  /** The registry's lexicon of concepts (default: lexicon.yaml beside the claims, else the bundled one). */
  readonly lexicon?: string;
  readonly pageStructure?: string;
  readonly maxFileBytes: number;
  /** Message language from the config; unset: --locale or the environment decides. */
  readonly locale?: Locale;
  /** HTML report: URL template of a finding's source line ({file}, {line}). */
  readonly sourceUrl?: string;
  readonly rules: ReadonlyMap<string, RuleSetting>;
  /** `--format claimreview` settings, as written (URL templates, the publishing organisation). */
  readonly claimReview?: ClaimReviewSettings;
}

export interface ClaimReviewSettings {
  readonly articleUrl: string;
  readonly reviewUrl?: string;
  readonly author: { readonly type?: 'Organization' | 'Person'; readonly name: string; readonly url?: string };
  readonly ratings?: { readonly error?: ClaimReviewRating; readonly warning?: ClaimReviewRating };
}

export interface ClaimReviewRating {
  readonly value: number;
  readonly label: string;
}

type RuleEntry = 'off' | Severity | { severity?: 'off' | Severity; options?: Record<string, unknown> };

interface ConfigFile {
  corpus?: string[];
  ignore?: string[];
  text?: string[];
  registry?: string;
  cues?: string;
  lexicon?: string;
  pageStructure?: string;
  maxFileBytes?: number;
  locale?: Locale;
  sourceUrl?: string;
  rules?: Record<string, RuleEntry>;
  claimReview?: ClaimReviewSettings;
}

/** Every ending of the format table (src/parse/formats.ts) under corpus/. */
export const DEFAULT_CORPUS = [`corpus/**/*.{${INPUT_FORMATS.flatMap((f) => f.extensions.map((e) => e.slice(1))).join(',')}}`];
export const DEFAULT_IGNORE = ['**/node_modules/**', '**/.git/**'];
export const DEFAULT_MAX_FILE_BYTES = 8 * 1024 * 1024;

export type ConfigLoad = { ok: true; config: Config } | { ok: false; problems: YamlProblem[] };

/**
 * Reads the config (explicit path, else claimlint.config.yaml in cwd or the
 * nearest directory above it, else defaults). `knownRules` lets a misspelt rule id fail with its line.
 */
export function loadConfig(cwd: string, explicit: string | undefined, ruleMetas: readonly RuleMeta[]): ConfigLoad {
  const knownRules = ruleMetas.map((m) => m.id);
  const path = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  if (path === undefined || !existsSync(path)) {
    if (explicit) return { ok: false, problems: [{ file: explicit, line: 1, column: 1, message: 'config file not found', ref: msg('config.not-found') }] };
    return { ok: true, config: defaults(cwd) };
  }
  const display = relative(cwd, path) || path;
  // A FIFO or device would block the read (or never end): only a regular file is a config.
  if (!statSync(path).isFile()) return { ok: false, problems: [{ file: display, line: 1, column: 1, message: 'not a regular file', ref: msg('config.not-regular') }] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { ok: false, problems: [{ file: display, line: 1, column: 1, message: `cannot be read: ${fsReason(err)}`, ref: msg('config.unreadable', { reason: fsReasonRef(err) }) }] };
  }
  const doc = new LocatedYaml(display, text);
  if (doc.problems.length) return { ok: false, problems: doc.problems };
  if (doc.value === null || doc.value === undefined) return { ok: true, config: { ...defaults(dirname(path)), file: path } };
  const problems = doc.schemaProblems(schemaValidator('config.schema.json'));
  if (problems.length) return { ok: false, problems };
  const raw = doc.value as ConfigFile;
  for (const key of ['corpus', 'ignore', 'text'] as const) {
    (raw[key] ?? []).forEach((glob, i) => {
      const problem = globProblem(glob);
      if (problem) problems.push({ ...doc.problemAt([key, i], `${key}[${i}]: ${problem}`), ref: msg('config.glob', { key, index: i, reason: problem }) });
    });
  }
  const base = dirname(path);
  const rules = new Map<string, RuleSetting>();
  for (const [id, entry] of Object.entries(raw.rules ?? {})) {
    if (!knownRules.includes(id)) {
      problems.push({ ...doc.problemAt(['rules', id], `unknown rule "${id}" (known: ${knownRules.join(', ')})`, true), ref: msg('config.unknown-rule', { rule: id, known: knownRules.join(', ') }) });
      continue;
    }
    const severity = typeof entry === 'string' ? entry : entry.severity;
    const options = typeof entry === 'string' ? {} : entry.options ?? {};
    const schema = ruleMetas.find((m) => m.id === id)?.schema;
    if (typeof entry !== 'string' && entry.options !== undefined) {
      if (!schema) {
        problems.push({ ...doc.problemAt(['rules', id, 'options'], `rule "${id}" takes no options`, true), ref: msg('config.no-options', { rule: id }) });
        continue;
      }
      const validate = compileSchema(schema);
      if (!validate(options)) {
        for (const e of validate.errors ?? []) {
          const path = ['rules', id, 'options', ...pointerToPath(e.instancePath)];
          const extra = e.keyword === 'additionalProperties' ? (e.params as { additionalProperty: string }).additionalProperty : undefined;
          problems.push(
            extra
              ? { ...doc.problemAt([...path, extra], `unknown option "${extra}" for rule "${id}"`, true), ref: msg('config.unknown-option', { option: extra, rule: id }) }
              : {
                  ...doc.problemAt(path, `option ${e.instancePath ? `"${pointerToPath(e.instancePath).join('.')}" ` : ''}of rule "${id}" ${e.message ?? 'is invalid'}`),
                  ref: msg('config.option-invalid', { rule: id, problem: schemaErrorRef(e, pointerToPath(e.instancePath)) }),
                },
          );
        }
        continue;
      }
      const meta = ruleMetas.find((m) => m.id === id);
      const deeper = meta?.checkOptions?.(options) ?? [];
      for (const p of deeper) problems.push({ ...doc.problemAt(['rules', id, 'options', ...p.path], `rule "${id}": ${p.message}`), ref: msg('config.rule-option', { rule: id, reason: p.message }) });
      if (deeper.length) continue;
    }
    rules.set(id, severity === 'off' ? { enabled: false, options } : { enabled: true, options, ...(severity ? { severity } : {}) });
  }
  if (problems.length) return { ok: false, problems };
  const fallback = defaults(base);
  return {
    ok: true,
    config: {
      file: path,
      base,
      corpus: raw.corpus ?? fallback.corpus,
      ignore: [...DEFAULT_IGNORE, ...(raw.ignore ?? [])],
      text: raw.text ?? [],
      registry: raw.registry ? resolve(base, raw.registry) : fallback.registry,
      ...(raw.cues ? { cues: resolve(base, raw.cues) } : {}),
      ...(raw.lexicon ? { lexicon: resolve(base, raw.lexicon) } : {}),
      ...(raw.pageStructure ? { pageStructure: resolve(base, raw.pageStructure) } : {}),
      maxFileBytes: raw.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
      ...(raw.locale ? { locale: raw.locale } : {}),
      ...(raw.sourceUrl ? { sourceUrl: raw.sourceUrl } : {}),
      rules,
      ...(raw.claimReview ? { claimReview: raw.claimReview } : {}),
    },
  };
}

/**
 * claimlint.config.yaml in `cwd` or the nearest directory above it, as ESLint
 * and markdownlint-cli2 look up theirs: a run from a subdirectory of the
 * project (an editor, a pre-commit hook in a subfolder) uses the project's config.
 */
export function findConfig(cwd: string): string | undefined {
  for (let dir = resolve(cwd); ; ) {
    const candidate = join(dir, CONFIG_FILE);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}


function defaults(base: string): Config {
  const local = resolve(base, 'claims');
  return {
    base,
    corpus: DEFAULT_CORPUS,
    ignore: DEFAULT_IGNORE,
    text: [],
    // ./claims when the project has its own registry, else the one claimlint ships.
    registry: existsSync(local) ? local : packagePath('claims'),
    maxFileBytes: DEFAULT_MAX_FILE_BYTES,
    rules: new Map(),
  };
}
