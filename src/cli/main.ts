import { isLocale, render, type Locale } from '../i18n/catalogue.js';
import { resolveLocale } from '../i18n/locale.js';
import { msg } from '../i18n/message.js';
import { loadConfig } from '../config/config.js';
import { allRuleMeta } from '../rules/index.js';
import { Command, CommanderError, Option } from 'commander';
import { RunFailure } from '../failure.js';
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
import { toolVersion } from '../version.js';
import { commanderErrorMessage, localizeHelp } from './commander-locale.js';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/**
 * Runs the CLI and returns the exit code: 0 no errors, 1 error findings,
 * 2 the run itself failed (one line on stderr; the stack only with --debug).
 */
export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const debug = argv.includes('--debug');
  let code = 0;
  // The help text and commander's own errors are in the language the run would use.
  const locale = errorLocale(argv, io);
  const t = (id: string, data?: Parameters<typeof msg>[1]) => render(locale, msg(id, data));
  const program = new Command('claimlint');
  localizeHelp(program, locale);
  program
    .description(t('help.program'))
    .version(toolVersion(), '-v, --version', t('help.version'))
    .option('--debug', t('help.debug'))
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
      // Printed after parsing fails, translated (see the catch below).
      outputError: () => {},
    })
    .showSuggestionAfterError(true);

  const shared = (cmd: Command) =>
    cmd
      .option('--registry <path>', t('help.registry'))
      .option('--config <file>', t('help.config'))
      .option('--locale <zh|en>', t('help.locale'));

  shared(
    program
      .command('check')
      .description(t('help.check'))
      .argument('[paths...]', t('help.check-paths'))
      .addOption(new Option('-f, --format <name[:file]>', t('help.format', { names: formatNames.join('|') })).argParser(collect))
      .option('--as-of <YYYY-MM-DD>', t('help.as-of'))
      .option('-o, --output <file>', t('help.output'))
      .option('--changed-since <ref>', t('help.changed-since'))
      .option('--files-from <file>', t('help.files-from'))
      .option('--changed-lines', t('help.changed-lines'))
      .option('--with-corpus', t('help.with-corpus'))
      .option('--baseline <file>', t('help.baseline'))
      .option('--max-warnings <n>', t('help.max-warnings'))
      .option('--cache', t('help.cache'))
      .option('--cache-location <dir>', t('help.cache-location'))
      .option('--no-color', t('help.no-color'))
      .option('--stdin-filename <file>', t('help.stdin-filename'))
      .option('--shard <K/N>', t('help.shard'))
      .option('--records <file>', t('help.records')),
  ).action(async (paths: string[], flags) => {
    code = await runCheck(paths, flags, io);
  });

  shared(
    program
      .command('merge')
      .description(t('help.merge'))
      .argument('<files...>', t('help.merge-files'))
      .addOption(new Option('-f, --format <name[:file]>', t('help.format', { names: formatNames.join('|') })).argParser(collect))
      .option('-o, --output <file>', t('help.output'))
      .option('--max-warnings <n>', t('help.max-warnings'))
      .option('--no-color', t('help.no-color')),
  ).action((files: string[], flags) => {
    code = runMerge(files, flags, io);
  });

  const baseline = program.command('baseline').description(t('help.baseline-group'));
  shared(
    baseline
      .command('write')
      .description(t('help.baseline-write'))
      .argument('[file]', t('help.baseline-file'), 'claimlint-baseline.json')
      .option('--paths <paths...>', t('help.paths-default'))
      .option('--as-of <YYYY-MM-DD>', t('help.as-of-short')),
  ).action(async (file: string, flags) => {
    code = await runBaselineWrite(file, flags, io);
  });

  shared(
    program
      .command('extract')
      .description(t('help.extract'))
      .argument('[paths...]', t('help.paths'))
      .option('--as-of <YYYY-MM-DD>', t('help.as-of-short'))
      .option('--facts', t('help.facts'))
      .option('-o, --output <file>', t('help.output-short')),
  ).action(async (paths: string[], flags) => {
    code = await runExtract(paths, flags, io);
  });

  const registry = program.command('registry').description(t('help.registry-group'));
  shared(registry.command('validate').description(t('help.validate'))).action((flags) => {
    code = runValidate(flags, io);
  });
  shared(registry.command('test').description(t('help.registry-test'))).action((flags) => {
    code = runRegistryTest(flags, io);
  });
  shared(
    registry
      .command('coverage')
      .description(t('help.coverage'))
      .argument('[paths...]', t('help.paths-default'))
      .option('-f, --format <name>', t('help.coverage-format'), 'stylish')
      .option('--limit <n>', t('help.coverage-limit'), '10')
      .option('--as-of <YYYY-MM-DD>', t('help.as-of-short'))
      .option('-o, --output <file>', t('help.output-short')),
  ).action(async (paths: string[], flags) => {
    code = await runCoverage(paths, flags, io);
  });
  shared(
    registry
      .command('suggest')
      .description(t('help.suggest'))
      .argument('[paths...]', t('help.paths-default'))
      .option('--limit <n>', t('help.suggest-limit'), '10')
      .option('--min-files <n>', t('help.min-files'), '2')
      .option('--as-of <YYYY-MM-DD>', t('help.as-of-short'))
      .option('-o, --output <file>', t('help.output-short')),
  ).action(async (paths: string[], flags) => {
    code = await runSuggest(paths, flags, io);
  });

  program
    .command('lsp')
    .description(t('help.lsp'))
    .option('--stdio', t('help.stdio'))
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
      // --help and --version exit 0; help shown for a bare `claimlint registry` is already printed.
      if (err.exitCode === 0) return 0;
      if (err.code !== 'commander.help' && err.code !== 'commander.helpDisplayed') {
        const ref = commanderErrorMessage(err);
        io.stderr(`claimlint: ${ref ? render(locale, ref) : err.message.replace(/^error: /, '')}\n`);
      }
      // Every parse error is a usage error.
      return 2;
    }
    if (err instanceof UsageError) {
      io.stderr(`claimlint: ${err.messageRef ? render(locale, err.messageRef) : err.message}\n`);
      return 2;
    }
    if (err instanceof RunFailure) {
      io.stderr(`claimlint: ${err.messageRef ? render(locale, err.messageRef) : err.reason}\n`);
      const skip = err.reason.includes(err.details[0] ?? '\u0000') ? 1 : 0;
      for (const d of err.detailRefs.slice(skip)) io.stderr(`  ${typeof d === 'string' ? d : render(locale, d)}\n`);
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
