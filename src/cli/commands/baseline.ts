import { msg } from '../../i18n/message.js';
import { render } from '../../i18n/catalogue.js';
import { serialiseBaseline } from '../../ci/baseline.js';
import { check } from '../../engine/run.js';
import type { Io } from '../output.js';
import { writeReport } from '../output.js';
import { runOptions } from './check.js';

export interface BaselineFlags {
  readonly paths?: readonly string[];
  readonly registry?: string;
  readonly config?: string;
  readonly asOf?: string;
}

/** `claimlint baseline write [FILE]`: every current finding, by fingerprint, sorted. */
export async function runBaselineWrite(file: string, flags: BaselineFlags, io: Io): Promise<number> {
  const outcome = await check(runOptions(flags.paths ?? [], flags, io));
  writeReport(io, file, serialiseBaseline(outcome.result.findings));
  const written = msg('note.baseline-written', { findings: msg('label.count.findings', { count: outcome.result.findings.length }), file });
  io.stderr(`claimlint: ${render(outcome.result.locale ?? 'en', written)}\n`);
  return 0;
}
