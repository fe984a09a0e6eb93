import { formatters, formatNames, type FormatName } from '../../formatters/index.js';
import { check, RunFailure } from '../../engine/run.js';
import type { Io } from '../output.js';
import { writeReport } from '../output.js';
import { isIsoDate, today } from '../dates.js';
import { toolVersion } from '../version.js';
import { UsageError } from '../errors.js';

export interface CheckFlags {
  readonly format?: readonly string[];
  readonly asOf?: string;
  readonly registry?: string;
  readonly config?: string;
  readonly output?: string;
  readonly color?: boolean;
}

interface Target {
  readonly format: FormatName;
  readonly file?: string;
}

/** `--format json --format sarif:out.sarif`: a name, optionally with its own output file. */
export function parseTargets(flags: CheckFlags, io: Io): Target[] {
  const specs = flags.format && flags.format.length ? flags.format : [io.isTTY ? 'stylish' : 'json'];
  const targets = specs.map((spec) => {
    const colon = spec.indexOf(':');
    const name = colon < 0 ? spec : spec.slice(0, colon);
    const file = colon < 0 ? undefined : spec.slice(colon + 1);
    if (!(formatNames as readonly string[]).includes(name)) {
      throw new UsageError(`unknown format "${name}" (choose from ${formatNames.join(', ')})`);
    }
    if (file === '') throw new UsageError(`--format ${spec}: missing file name after ":"`);
    return { format: name as FormatName, ...(file ? { file } : {}) };
  });
  const toStdout = targets.filter((t) => !t.file);
  if (toStdout.length > 1 && !flags.output) throw new UsageError('only one --format can write to stdout; give the others a file (--format sarif:report.sarif)');
  if (toStdout.length > 1) throw new UsageError('--output takes one report; give the other formats their own file (--format sarif:report.sarif)');
  return targets.map((t) => (t.file || !flags.output ? t : { ...t, file: flags.output }));
}

export function resolveAsOf(flag: string | undefined): string {
  if (flag === undefined) return today();
  if (!isIsoDate(flag)) throw new UsageError(`--as-of must be a date written YYYY-MM-DD, not "${flag}"`);
  return flag;
}

export async function runCheck(paths: readonly string[], flags: CheckFlags, io: Io): Promise<number> {
  const targets = parseTargets(flags, io);
  const asOf = resolveAsOf(flags.asOf);
  const outcome = await check({
    cwd: io.cwd,
    paths,
    asOf,
    ...(flags.config ? { configPath: flags.config } : {}),
    ...(flags.registry ? { registryPath: flags.registry } : {}),
  });
  const reportFile = targets.find((t) => t.file && t.format !== 'github')?.file;
  for (const t of targets) {
    const text = formatters[t.format](outcome.result, {
      cwd: io.cwd,
      color: flags.color !== false && !t.file && io.isTTY && !io.env.NO_COLOR,
      toolVersion: toolVersion(),
      ...(reportFile ? { reportPath: reportFile } : {}),
    });
    writeReport(io, t.file, text);
  }
  if (outcome.inputFailures.length) {
    for (const f of outcome.inputFailures.slice(1)) io.stderr(`claimlint: ${f}\n`);
    throw new RunFailure(`cannot read input: ${outcome.inputFailures[0]}`);
  }
  return outcome.result.summary.errors > 0 ? 1 : 0;
}
