import { msg } from '../../i18n/message.js';
import { render, type Locale } from '../../i18n/catalogue.js';
import { resolveLocale } from '../../i18n/locale.js';
import { parseLocale } from './check.js';
import { loadRegistry } from '../../registry/load.js';
import type { Registry } from '../../registry/types.js';
import { selfTest } from '../../engine/selftest.js';
import { loadCues } from '../../extract/cues.js';
import { loadConfig } from '../../config/config.js';
import { problemRef } from '../../yaml/located.js';
import { allRuleMeta } from '../../rules/index.js';
import { RunFailure } from '../../failure.js';
import { checkRegistryFiles, loadCuesFile } from '../../engine/data-files.js';
import type { Io } from '../output.js';

export interface RegistryFlags {
  readonly registry?: string;
  readonly config?: string;
  readonly locale?: string;
}

interface Where {
  readonly registry: string;
  readonly cues?: string;
  readonly lexicon?: string;
  /** The language of the output: --locale, else the config's, else the environment's. */
  readonly locale: Locale;
}

function location(flags: RegistryFlags, io: Io): Where {
  const flag = flags.locale === undefined ? undefined : parseLocale(flags.locale);
  const cfg = loadConfig(io.cwd, flags.config, allRuleMeta());
  if (!cfg.ok) throw new RunFailure(msg('error.invalid-config', { problem: problemRef(cfg.problems[0]!) }), cfg.problems.map(problemRef));
  return {
    locale: resolveLocale(flag, cfg.config.locale, io.env),
    registry: flags.registry ?? cfg.config.registry,
    ...(cfg.config.cues ? { cues: cfg.config.cues } : {}),
    ...(cfg.config.lexicon ? { lexicon: cfg.config.lexicon } : {}),
  };
}

/** The registry, or exit code 2 after printing every problem as file:line:col. */
function loadOrReport(where: Where, io: Io): Registry | number {
  checkRegistryFiles(where.registry, io.cwd);
  const loaded = loadRegistry(where.registry, io.cwd, where.lexicon ? { lexicon: where.lexicon } : {});
  if (loaded.ok) return loaded.registry;
  for (const p of loaded.problems) io.stdout(`${render(where.locale, problemRef(p))}\n`);
  io.stderr(`claimlint: ${render(where.locale, msg('registry.invalid-count', { count: loaded.problems.length }))}\n`);
  return 2;
}

/** `claimlint registry validate`: every schema problem as file:line:col, exit 2 if any. */
export function runValidate(flags: RegistryFlags, io: Io): number {
  const where = location(flags, io);
  const r = loadOrReport(where, io);
  if (typeof r === 'number') return r;
  const l = where.locale;
  for (const w of r.warnings) io.stdout(`${render(l, problemRef({ ...w, ref: msg('problem.warning', { text: w.ref ?? w.message }) }))}\n`);
  const valid = msg('registry.valid', {
    claims: msg('registry.valid-claims', { count: r.claims.length }),
    files: msg('registry.valid-files', { count: r.files.length }),
    concepts: r.lexicon.file ? msg('registry.valid-concepts', { count: r.lexicon.concepts.size, file: r.lexicon.file }) : '',
    warnings: r.warnings.length ? msg('registry.valid-warnings', { count: r.warnings.length }) : '',
  });
  io.stdout(`${render(l, valid)}\n`);
  return 0;
}

/** `claimlint registry test`: every claim's examples through the extractor. */
export function runRegistryTest(flags: RegistryFlags, io: Io): number {
  const where = location(flags, io);
  const loaded = loadOrReport(where, io);
  if (typeof loaded === 'number') return loaded;
  const l = where.locale;
  const report = selfTest(loaded, where.cues ? loadCuesFile(where.cues, io.cwd, loadCues) : loadCues());
  for (const c of loaded.claims) {
    const failed = report.failures.filter((f) => f.claimId === c.claim.id);
    const mark = failed.length ? '✖' : '✔';
    io.stdout(`${render(l, msg('registry.test-claim', { mark, id: c.claim.id, passed: c.examples.length - failed.length, total: c.examples.length }))}\n`);
    for (const f of failed) {
      // `got` is the extractor's own trace (verdict, value, clause), in English: it is for the maintainer debugging a pattern.
      const kind = msg(`registry.test-kind-${f.example.kind}`);
      io.stdout(`    ${render(l, msg('registry.test-failure', { file: f.file, line: f.line, kind, text: f.example.text, got: f.got }))}\n`);
    }
  }
  const passed = report.examples - report.failures.length;
  io.stdout(`${render(l, msg('registry.test-total', { passed, failed: report.failures.length }))}\n`);
  return report.failures.length ? 1 : 0;
}
