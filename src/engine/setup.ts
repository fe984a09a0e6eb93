// Run stage 1, setup: config, registry (schema-checked and self-tested), cue
// lists, page structure and the rules, built once per run and shared by every file.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RunFailure } from '../failure.js';
import { checkRegistryFiles, loadCuesFile, loadPageStructureFile } from './data-files.js';
import { packagePath } from '../paths.js';
import { loadConfig, type Config } from '../config/config.js';
import { loadRegistry } from '../registry/load.js';
import { selfTest } from './selftest.js';
import { selfTestDigest, stampedAsPassed } from '../registry/selftest-stamp.js';
import { compiledRegistryKey, readCompiledRegistry, writeCompiledRegistry } from './registry-cache.js';
import type { Registry } from '../registry/types.js';
import { loadCues, type Cues } from '../extract/cues.js';
import { loadPageStructure } from '../parse/index.js';
import { loadGazetteer, useStoredGazetteer, type Gazetteer } from '../region/gazetteer.js';
import { problemRef } from '../yaml/located.js';
import type { AsOf, FileRule } from '../kernel/rule.js';
import { settingFor, type RuleSettings } from '../kernel/run-rules.js';
import { msg } from '../i18n/message.js';
import { allRuleMeta, rules } from '../rules/index.js';
import type { Services } from './analyze.js';

export interface Setup {
  readonly config: Config;
  readonly registry: Registry;
  readonly services: Services;
}

export interface SetupOptions {
  readonly cwd: string;
  readonly configPath?: string;
  readonly registryPath?: string;
  readonly asOf: string;
  /** A registry already loaded (the Node API's `loadRegistry`), used instead of reading one. */
  readonly registry?: Registry;
  /** Read fact records even when no corpus rule needs them (`extract --facts`, `registry suggest`). */
  readonly facts?: boolean;
}

export function asOfFrom(date: string): AsOf {
  return { date, year: Number(date.slice(0, 4)) };
}

/** Config, registry (schema-checked and self-tested), cue lists and page structure. */
export function setup(options: SetupOptions): Setup {
  const cfg = loadConfig(options.cwd, options.configPath, allRuleMeta());
  if (!cfg.ok) throw new RunFailure(msg('error.invalid-config', { problem: problemRef(cfg.problems[0]!) }), cfg.problems.map(problemRef));
  const config = cfg.config;
  const location = options.registryPath ?? config.registry;
  // A registry compiled and self-tested by an earlier run with the same files, cues and code is taken as it was stored.
  const key = options.registry ? undefined : compiledRegistryKey(location, options.cwd, config.lexicon, cuesKey(config));
  const stored = key ? readCompiledRegistry(key) : undefined;
  const registry = options.registry ?? stored?.registry ?? loadRegistryOrFail(location, options.cwd, config.lexicon);
  if (stored?.gazetteer) useStoredGazetteer(stored.gazetteer);
  const cues = config.cues ? loadCuesFile(config.cues, options.cwd, loadCues) : (stored?.cues ?? loadCues());
  if (!stored) {
    // The bundled registry, lexicon and cues, self-tested when this build was made, are not tested again.
    const bundled = !options.registry && !options.registryPath && !config.cues && !config.lexicon && resolve(config.registry) === packagePath('claims');
    if (!bundled || !stampedAsPassed(selfTestDigest(bundledDataDigest()))) selfTestOrFail(registry, cues);
    // With the bundled cues the key covers the bundled data files, the gazetteer's among them.
    if (key) writeCompiledRegistry(key, { registry, ...(config.cues ? {} : { cues, ...gazetteerToStore() }) });
  }
  const structure = config.pageStructure ? loadPageStructureFile(config.pageStructure, options.cwd, loadPageStructure) : loadPageStructure();
  const fileRules = rules.filter((r): r is FileRule => r.scope === 'file');
  return {
    config,
    registry,
    services: {
      registry,
      cues,
      structure,
      asOf: asOfFrom(options.asOf),
      rules: fileRules,
      settings: config.rules,
      readFacts: options.facts === true || factsNeeded(config.rules),
    },
  };
}

/** The gazetteer to store with the registry, unless it does not load (the run reports that where it first needs it). */
function gazetteerToStore(): { gazetteer?: Gazetteer } {
  try {
    return { gazetteer: loadGazetteer() };
  } catch {
    return {};
  }
}

/**
 * Fact records are read only for the corpus rule that compares them
 * (corpus-conflict with its `facts` option on): otherwise the facts stage is skipped.
 */
export function factsNeeded(settings: RuleSettings): boolean {
  const s = settingFor(settings, 'corpus-conflict');
  return s.enabled && s.options['facts'] !== false;
}

/** What the self-test's outcome depends on besides the registry: the cue lists (a config's own file, else the bundled data). */
function cuesKey(config: Config): string {
  if (!config.cues) return `bundled\0${bundledDataDigest()}`;
  try {
    return `file\0${readFileSync(config.cues, 'utf8')}`;
  } catch {
    // Unreadable: loading the cues reports it; a key that never matches a stored entry.
    return `unreadable\0${Math.random()}`;
  }
}

/** A registry whose own examples are read wrongly does not load. */
export function selfTestOrFail(registry: Registry, cues: Cues): void {
  const report = selfTest(registry, cues);
  if (report.failures.length) {
    const lines = report.failures.map((f) => `${f.file}:${f.line}: ${f.claimId}: “${f.example.text}” ${f.got}`);
    throw new RunFailure(msg('error.registry-selftest', { count: report.failures.length }), lines);
  }
}

export function loadRegistryOrFail(location: string, cwd: string, lexicon?: string): Registry {
  checkRegistryFiles(location, cwd);
  const loaded = loadRegistry(location, cwd, lexicon ? { lexicon } : {});
  if (!loaded.ok) {
    throw new RunFailure(msg('error.invalid-registry', { problem: problemRef(loaded.problems[0]!) }), loaded.problems.map(problemRef));
  }
  return loaded.registry;
}

let dataDigest: string | undefined;

/**
 * Digest of the bundled data files (gazetteer, cue lists, page structure, and
 * the message catalogues under data/messages: cached findings hold rendered text).
 */
export function bundledDataDigest(): string {
  if (dataDigest) return dataDigest;
  const h = createHash('sha256');
  const walk = (dir: string, prefix: string): void => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (e.isDirectory()) walk(join(dir, e.name), `${prefix}${e.name}/`);
      else h.update(`${prefix}${e.name}`).update(readFileSync(join(dir, e.name)));
    }
  };
  walk(packagePath('data'), '');
  dataDigest = h.digest('hex');
  return dataDigest;
}
