import { msg } from '../../i18n/message.js';
import { loadRegistry } from '../../registry/load.js';
import type { Registry } from '../../registry/types.js';
import { selfTest } from '../../engine/selftest.js';
import { loadCues } from '../../extract/cues.js';
import { loadConfig } from '../../config/config.js';
import { formatProblem } from '../../yaml/located.js';
import { allRuleMeta } from '../../rules/index.js';
import { RunFailure } from '../../failure.js';
import { checkRegistryFiles, loadCuesFile } from '../../engine/data-files.js';
import type { Io } from '../output.js';

export interface RegistryFlags {
  readonly registry?: string;
  readonly config?: string;
}

function location(flags: RegistryFlags, io: Io): { registry: string; cues?: string; lexicon?: string } {
  const cfg = loadConfig(io.cwd, flags.config, allRuleMeta());
  if (!cfg.ok) throw new RunFailure(msg('error.invalid-config', { problem: formatProblem(cfg.problems[0]!) }), cfg.problems.map(formatProblem));
  return {
    registry: flags.registry ?? cfg.config.registry,
    ...(cfg.config.cues ? { cues: cfg.config.cues } : {}),
    ...(cfg.config.lexicon ? { lexicon: cfg.config.lexicon } : {}),
  };
}

/** The registry, or exit code 2 after printing every problem as file:line:col. */
function loadOrReport(location: string, io: Io, lexicon?: string): Registry | number {
  checkRegistryFiles(location, io.cwd);
  const loaded = loadRegistry(location, io.cwd, lexicon ? { lexicon } : {});
  if (loaded.ok) return loaded.registry;
  for (const p of loaded.problems) io.stdout(`${formatProblem(p)}\n`);
  io.stderr(`claimlint: invalid registry: ${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}\n`);
  return 2;
}

/** `claimlint registry validate`: every schema problem as file:line:col, exit 2 if any. */
export function runValidate(flags: RegistryFlags, io: Io): number {
  const where = location(flags, io);
  const r = loadOrReport(where.registry, io, where.lexicon);
  if (typeof r === 'number') return r;
  for (const w of r.warnings) io.stdout(`${formatProblem({ ...w, message: `warning: ${w.message}` })}\n`);
  io.stdout(
    `registry valid: ${r.claims.length} claims in ${r.files.length} file${r.files.length === 1 ? '' : 's'}` +
      (r.lexicon.file ? `, ${r.lexicon.concepts.size} concepts in ${r.lexicon.file}` : '') +
      (r.warnings.length ? `, ${r.warnings.length} warning${r.warnings.length === 1 ? '' : 's'}` : '') +
      '\n',
  );
  return 0;
}

/** `claimlint registry test`: every claim's examples through the extractor. */
export function runRegistryTest(flags: RegistryFlags, io: Io): number {
  const where = location(flags, io);
  const loaded = loadOrReport(where.registry, io, where.lexicon);
  if (typeof loaded === 'number') return loaded;
  const report = selfTest(loaded, where.cues ? loadCuesFile(where.cues, io.cwd, loadCues) : loadCues());
  for (const c of loaded.claims) {
    const failed = report.failures.filter((f) => f.claimId === c.claim.id);
    const mark = failed.length ? '✖' : '✔';
    io.stdout(`${mark} ${c.claim.id}: ${c.examples.length - failed.length}/${c.examples.length} examples passed\n`);
    for (const f of failed) io.stdout(`    ${f.file}:${f.line}: ${f.example.kind}: “${f.example.text}” — ${f.got}\n`);
  }
  const passed = report.examples - report.failures.length;
  io.stdout(`${passed} passed, ${report.failures.length} failed\n`);
  return report.failures.length ? 1 : 0;
}
