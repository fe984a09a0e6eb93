import { isLocale, render, type Locale } from '../i18n/catalogue.js';
import { resolveLocale } from '../i18n/locale.js';
import { msg } from '../i18n/message.js';
import { loadConfig } from '../config/config.js';
import { allRuleMeta } from '../rules/index.js';
import { Command, CommanderError, Option } from 'commander';
import { RunFailure } from '../engine/run.js';
import { formatNames } from '../formatters/index.js';
import { runCheck } from './commands/check.js';
import { runMerge } from './commands/merge.js';
import { runExtract } from './commands/extract.js';
import { runSuggest } from './commands/suggest.js';
import { runBaselineWrite } from './commands/baseline.js';
import { runRegistryTest, runValidate } from './commands/registry.js';
import { runCoverage } from './commands/coverage.js';
import { UsageError } from './errors.js';
import { processIo, type Io } from './output.js';
import { toolVersion } from './version.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * Runs the CLI and returns the exit code: 0 no errors, 1 error findings,
 * 2 the run itself failed (one line on stderr; the stack only with --debug).
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  let code = 0;
  const program = new Command('claimlint')
    .description('Content-consistency linter and fact checker for policy articles.')
    .version(toolVersion(), '-v, --version')
    .option('--debug', 'print stack traces for internal errors')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      outputError: (s, write) => write(`claimlint: ${s.replace(/^error: /, '')}`),
    })
    .showSuggestionAfterError(true);

  const shared = (cmd: Command) =>
    cmd
      .option('--registry <path>', 'registry file or directory (default: config, else ./claims, else the bundled registry)')
      .option('--config <file>', 'config file (default: claimlint.config.yaml if present)')
      .option('--locale <zh|en>', 'language of messages and labels (default: config `locale`, else zh when LC_ALL/LC_MESSAGES/LANG is Chinese, else en)');

  shared(
    program
      .command('check')
      .description('lint files, directories or globs (default: the config’s corpus globs)')
      .argument('[paths...]', 'files, directories or globs; - reads one text from stdin')
      .addOption(new Option('-f, --format <name[:file]>', `report format: ${formatNames.join('|')}; repeat for several, each with its own :file`).argParser(collect))
      .option('--as-of <YYYY-MM-DD>', 'reference date for stale years (default: today)')
      .option('-o, --output <file>', 'write the report to a file instead of stdout')
      .option('--changed-since <ref>', 'report only files changed since the merge base with REF (the whole corpus stays the context)')
      .option('--files-from <file>', 'report only the files listed in FILE (one per line; - for stdin)')
      .option('--changed-lines', 'with --changed-since: report only findings on changed lines')
      .option('--with-corpus', 'report only on the named paths, with the config’s corpus read as context (pre-commit: the staged files)')
      .option('--baseline <file>', 'hide findings recorded in this baseline (see `claimlint baseline write`)')
      .option('--max-warnings <n>', 'exit 1 when there are more than N warnings')
      .option('--cache', 'reuse results for unchanged files (stored under node_modules/.cache/claimlint)')
      .option('--cache-location <dir>', 'cache directory (implies --cache)')
      .option('--no-color', 'no ANSI colours in the stylish report')
      .option('--stdin-filename <file>', 'with -: the name the stdin text is reported under (its extension picks Markdown or plain text)')
      .option('--shard <K/N>', 'CI matrix: analyse only shard K of N (files assigned by path) and write its records; no report')
      .option('--records <file>', 'with --shard: the records file (JSON Lines) for claimlint merge'),
  ).action(async (paths: string[], flags) => {
    code = await runCheck(paths, flags, io);
  });

  shared(
    program
      .command('merge')
      .description('the corpus stage over every shard’s records (check --shard K/N --records FILE): the report of one unsharded run')
      .argument('<files...>', 'every shard’s records file')
      .addOption(new Option('-f, --format <name[:file]>', `report format: ${formatNames.join('|')}; repeat for several, each with its own :file`).argParser(collect))
      .option('-o, --output <file>', 'write the report to a file instead of stdout')
      .option('--max-warnings <n>', 'exit 1 when there are more than N warnings')
      .option('--no-color', 'no ANSI colours in the stylish report'),
  ).action((files: string[], flags) => {
    code = runMerge(files, flags, io);
  });

  const baseline = program.command('baseline').description('record current findings so only new ones fail');
  shared(
    baseline
      .command('write')
      .description('write every current finding to a baseline file (default: claimlint-baseline.json)')
      .argument('[file]', 'baseline file', 'claimlint-baseline.json')
      .option('--paths <paths...>', 'files, directories or globs (default: the corpus globs)')
      .option('--as-of <YYYY-MM-DD>', 'reference date (default: today)'),
  ).action(async (file: string, flags) => {
    code = await runBaselineWrite(file, flags, io);
  });

  shared(
    program
      .command('extract')
      .description('print claim records as JSON Lines')
      .argument('[paths...]', 'files, directories or globs')
      .option('--as-of <YYYY-MM-DD>', 'reference date (default: today)')
      .option('--facts', 'print fact records (subject, attribute, qualifiers, value) instead of claim records')
      .option('-o, --output <file>', 'write to a file instead of stdout'),
  ).action(async (paths: string[], flags) => {
    code = await runExtract(paths, flags, io);
  });

  const registry = program.command('registry').description('work on the registry of canonical claims');
  shared(registry.command('validate').description('schema-check the registry; problems as file:line:col')).action((flags) => {
    code = runValidate(flags, io);
  });
  shared(registry.command('test').description('run every canonical claim’s own examples')).action((flags) => {
    code = runRegistryTest(flags, io);
  });
  shared(
    registry
      .command('coverage')
      .description('per claim: corpus sentences about its subject, how many were read, and the unread ones by wording')
      .argument('[paths...]', 'files, directories or globs (default: the corpus globs)')
      .option('-f, --format <name>', 'stylish or json', 'stylish')
      .option('--limit <n>', 'unread wordings shown per claim', '10')
      .option('--as-of <YYYY-MM-DD>', 'reference date (default: today)')
      .option('-o, --output <file>', 'write to a file instead of stdout'),
  ).action(async (paths: string[], flags) => {
    code = await runCoverage(paths, flags, io);
  });
  shared(
    registry
      .command('suggest')
      .description('print registry entry skeletons (YAML) for conflicting and often-repeated unverified facts')
      .argument('[paths...]', 'files, directories or globs (default: the corpus globs)')
      .option('--limit <n>', 'at most N repeated-fact skeletons besides the conflicts', '10')
      .option('--min-files <n>', 'a repeated fact must appear in at least N articles', '2')
      .option('--as-of <YYYY-MM-DD>', 'reference date (default: today)')
      .option('-o, --output <file>', 'write to a file instead of stdout'),
  ).action(async (paths: string[], flags) => {
    code = await runSuggest(paths, flags, io);
  });

  program
    .command('lsp')
    .description('Language Server Protocol for editors: diagnostics as you type, hover with the canonical statement, quick fixes')
    .option('--stdio', 'speak over stdin and stdout (the only transport, and the default)')
    .action(async () => {
      // The protocol library is loaded only by the command that speaks it: `check` starts faster without it.
      const { runLsp } = await import('./commands/lsp.js');
      code = await runLsp();
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version exit 0; every other parse error is a usage error.
      return err.exitCode === 0 ? 0 : 2;
    }
    const locale = errorLocale(argv, io);
    if (err instanceof UsageError) {
      io.stderr(`claimlint: ${err.messageRef ? render(locale, err.messageRef) : err.message}\n`);
      return 2;
    }
    if (err instanceof RunFailure) {
      io.stderr(`claimlint: ${err.messageRef ? render(locale, err.messageRef) : err.reason}\n`);
      for (const d of err.details.slice(err.reason.includes(err.details[0] ?? '\u0000') ? 1 : 0)) io.stderr(`  ${d}\n`);
      return 2;
    }
    io.stderr(`claimlint: ${render(locale, msg('error.internal', { reason: err instanceof Error ? err.message : String(err) }))}\n`);
    if (debug && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
    return 2;
  }
}

/** The value of an option in argv (`--name v` or `--name=v`), for use before or without commander. */
function optionValue(argv: readonly string[], name: string): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === name) return argv[i + 1];
    if (a.startsWith(`${name}=`)) return a.slice(name.length + 1);
  }
  return undefined;
}

/**
 * The language of a run's failure message: --locale, else the config's
 * `locale` when the config can be read, else the environment's.
 */
function errorLocale(argv: readonly string[], io: Io): Locale {
  const flag = optionValue(argv, '--locale');
  if (isLocale(flag)) return flag;
  let configured: Locale | undefined;
  try {
    const cfg = loadConfig(io.cwd, optionValue(argv, '--config'), allRuleMeta());
    if (cfg.ok) configured = cfg.config.locale;
  } catch {
    // A config that cannot be read leaves the choice to the environment.
  }
  return resolveLocale(undefined, configured, io.env);
}
