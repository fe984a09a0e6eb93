// The Node API: lintText and lintFiles run the same pipeline as `claimlint
// check` (engine/run.ts) and return the JSON contract object of `--format json`.

import { isLocale, type Locale } from '../i18n/catalogue.js';
import { resolve } from 'node:path';
import { asOfFrom, check, loadRegistryOrFail, RunFailure, selfTestOrFail, setup, type Setup } from '../engine/run.js';
import { loadCues } from '../extract/cues.js';
import { jsonReport, type JsonReport } from '../formatters/json.js';
import type { Registry } from '../registry/types.js';
import { isIsoDate, today } from '../cli/dates.js';

export interface LintOptions {
  /** Paths are resolved from here and reported relative to it; the config is looked up from here (default: process.cwd()). */
  readonly cwd?: string;
  /** Reference date for stale-year, YYYY-MM-DD (default: today). */
  readonly asOf?: string;
  /** A registry file or directory, or a registry from `loadRegistry` (default: the config's, else ./claims, else the bundled one). */
  readonly registry?: string | Registry;
  /** A config file (default: the nearest claimlint.config.yaml, from cwd up). */
  readonly config?: string;
  /** Language of `message` and notes: 'zh' or 'en' (default: the config's `locale`, else the environment's). */
  readonly locale?: Locale;
}

export interface LintTextOptions extends LintOptions {
  /** The name the text is reported under; its ending picks the input format (.md, .mdx, .html, .txt; none: Markdown). */
  readonly filePath?: string;
}

export interface LintFilesOptions extends LintOptions {
  /** Reuse per-file results of unchanged files from this directory (as `check --cache-location`). */
  readonly cacheLocation?: string;
}

/** What a text with no filePath is reported under (read as Markdown). */
export const TEXT_NAME = '<text>';

/** Lints one text as if it were the file `filePath`; nothing else is read. */
export async function lintText(text: string, options: LintTextOptions = {}): Promise<JsonReport> {
  if (typeof text !== 'string') throw new RunFailure('lintText: the text must be a string');
  const { cwd, asOf, prepared } = prepare(options);
  const stdin = { name: options.filePath ?? TEXT_NAME, bytes: Buffer.from(text, 'utf8') };
  const outcome = await check({ cwd, paths: ['-'], asOf, stdin, ...localeOf(options) }, prepared);
  return jsonReport(outcome.result);
}

/**
 * Lints files, directories and globs (none: the config's corpus globs), with
 * the whole set as the corpus for cross-article conflicts. A path that does not
 * exist or cannot be read fails the run, as it makes `claimlint check` exit 2.
 */
export async function lintFiles(paths: string | readonly string[], options: LintFilesOptions = {}): Promise<JsonReport> {
  const list = typeof paths === 'string' ? [paths] : [...paths];
  if (list.includes('-')) throw new RunFailure('lintFiles: use lintText for text that is not in a file ("-")');
  const { cwd, asOf, prepared } = prepare(options);
  const outcome = await check({ cwd, paths: list, asOf, ...localeOf(options), ...(options.cacheLocation ? { cacheLocation: options.cacheLocation } : {}) }, prepared);
  if (outcome.inputFailures.length) {
    throw new RunFailure(`cannot read input: ${outcome.inputFailures[0]}`, outcome.inputFailures.slice(1));
  }
  return jsonReport(outcome.result);
}

export interface LoadRegistryOptions {
  /** `location` is resolved from here (default: process.cwd()). */
  readonly cwd?: string;
  /** The lexicon of concepts (default: lexicon.yaml beside the claims, else the bundled one). */
  readonly lexicon?: string;
}

/**
 * Loads, schema-checks and self-tests a registry, as `claimlint check` does
 * before it reads anything; throws a RunFailure naming file:line otherwise.
 */
export function loadRegistry(location: string, options: LoadRegistryOptions = {}): Registry {
  const cwd = resolve(options.cwd ?? process.cwd());
  const registry = loadRegistryOrFail(resolve(cwd, location), cwd, options.lexicon ? resolve(cwd, options.lexicon) : undefined);
  selfTestOrFail(registry, loadCues());
  return registry;
}

// Loading a registry and running its examples takes a good part of a second, so
// one setup is kept per working directory, config and registry for the life of
// the process; the reference date is swapped in per call.
const setupsByPath = new Map<string, Setup>();
const setupsByRegistry = new WeakMap<Registry, Map<string, Setup>>();

function localeOf(options: LintOptions): { locale?: Locale } {
  if (options.locale === undefined) return {};
  if (!isLocale(options.locale)) throw new RunFailure(`locale must be 'zh' or 'en', not "${String(options.locale)}"`);
  return { locale: options.locale };
}

function prepare(options: LintOptions): { cwd: string; asOf: string; prepared: Setup } {
  const cwd = resolve(options.cwd ?? process.cwd());
  const asOf = options.asOf ?? today();
  if (!isIsoDate(asOf)) throw new RunFailure(`asOf must be a date written YYYY-MM-DD, not "${asOf}"`);
  const registry = options.registry;
  if (registry !== undefined && typeof registry !== 'string' && !isRegistry(registry)) {
    throw new RunFailure('registry must be a path or a registry returned by loadRegistry');
  }
  let table = setupsByPath;
  if (registry !== undefined && typeof registry !== 'string') {
    table = setupsByRegistry.get(registry) ?? new Map<string, Setup>();
    setupsByRegistry.set(registry, table);
  }
  const key = [cwd, options.config ?? '', typeof registry === 'string' ? registry : ''].join('\u0000');
  let made = table.get(key);
  if (!made) {
    made = setup({
      cwd,
      asOf,
      ...(options.config ? { configPath: options.config } : {}),
      // The engine reads a registry path from the process's directory (the CLI's cwd): resolve it from ours.
      ...(typeof registry === 'string' ? { registryPath: resolve(cwd, registry) } : registry ? { registry } : {}),
    });
    table.set(key, made);
  }
  const prepared = made.services.asOf.date === asOf ? made : { ...made, services: { ...made.services, asOf: asOfFrom(asOf) } };
  return { cwd, asOf, prepared };
}

function isRegistry(value: object): value is Registry {
  const r = value as Partial<Registry>;
  return Array.isArray(r.claims) && typeof r.digest === 'string';
}
