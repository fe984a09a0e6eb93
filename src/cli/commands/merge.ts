// `claimlint merge FILE...`: the corpus stage and the report over the records
// of every shard of a CI matrix (`check --shard K/N --records FILE`), the same
// report and exit code as one unsharded run.
import { mergeShards } from '../../engine/shard.js';
import type { Io } from '../output.js';
import { parseLocale, parseMaxWarnings, parseTargets, reportOutcome, type CheckFlags } from './check.js';

export interface MergeFlags extends Pick<CheckFlags, 'format' | 'output' | 'config' | 'registry' | 'locale' | 'color' | 'maxWarnings'> {}

export function runMerge(files: readonly string[], flags: MergeFlags, io: Io): number {
  const targets = parseTargets(flags, io);
  const maxWarnings = parseMaxWarnings(flags.maxWarnings);
  const outcome = mergeShards(files, {
    cwd: io.cwd,
    env: io.env,
    ...(flags.config ? { configPath: flags.config } : {}),
    ...(flags.registry ? { registryPath: flags.registry } : {}),
    ...(flags.locale !== undefined ? { locale: parseLocale(flags.locale) } : {}),
  });
  return reportOutcome(outcome, outcome.result, flags, io, targets, { reports: false }, maxWarnings);
}
