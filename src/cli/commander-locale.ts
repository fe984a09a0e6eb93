// commander in the run's language: its help headings and "default:" notes,
// and its own parse errors (unknown option, missing argument…), which it
// writes in English. The errors are recognised by their code and the values
// taken from commander's message, then said again from the catalogue
// (data/messages, `cli.*` and `help.*`); an error this does not know keeps
// commander's text.

import type { Argument, Command, CommanderError, Help, Option } from 'commander';
import { render, type Locale } from '../i18n/catalogue.js';
import { msg, type Message } from '../i18n/message.js';

/** commander's section titles, as `styleTitle` receives them, and their catalogue ids. */
const TITLES: Readonly<Record<string, string>> = {
  'Usage:': 'help.usage',
  'Arguments:': 'help.arguments',
  'Options:': 'help.options',
  'Commands:': 'help.commands',
  'Global Options:': 'help.global-options',
};

/** The help option, the help command and the help text's headings in `locale`; call before adding subcommands (they inherit it). */
export function localizeHelp(program: Command, locale: Locale): void {
  const t = (id: string, data?: Message['data']) => render(locale, msg(id, data));
  program.helpOption('-h, --help', t('help.help'));
  program.helpCommand('help [command]', t('help.help'));
  const withDefault = (description: string, value: unknown, valueDescription: string | undefined) =>
    [description, t('help.default', { value: valueDescription ?? JSON.stringify(value) })].filter(Boolean).join(' ');
  program.configureHelp({
    styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title]!) : title),
    // As commander's own, with "default:" from the catalogue (claimlint's options have no choices, presets or env vars).
    optionDescription: (option: Option) =>
      option.defaultValue !== undefined && (option.required || option.optional)
        ? withDefault(option.description, option.defaultValue, option.defaultValueDescription)
        : option.description,
    argumentDescription: (argument: Argument) =>
      argument.defaultValue !== undefined ? withDefault(argument.description, argument.defaultValue, argument.defaultValueDescription) : argument.description,
  } satisfies Partial<Help>);
}

/** The suggestion commander appends ("\n(Did you mean --baseline?)"), in `locale`. */
function suggestion(text: string): Message | string {
  const m = /\n\(Did you mean (?:one of )?(.+)\?\)\s*$/.exec(text);
  return m ? msg('cli.did-you-mean', { suggestions: m[1]! }) : '';
}

/**
 * A commander parse error in `locale`, or undefined when it is not one of
 * those claimlint knows (commander's English is then printed as it is).
 */
export function commanderErrorMessage(err: CommanderError): Message | undefined {
  const text = err.message.replace(/^error: /, '');
  const quoted = /'([^']*)'/.exec(text)?.[1];
  const withSuggestion = (m: Message): Message => {
    const s = suggestion(text);
    return s ? msg('cli.with-suggestion', { error: m, suggestion: s }) : m;
  };
  switch (err.code) {
    case 'commander.unknownOption':
      return quoted === undefined ? undefined : withSuggestion(msg('cli.unknown-option', { option: quoted }));
    case 'commander.unknownCommand':
      return quoted === undefined ? undefined : withSuggestion(msg('cli.unknown-command', { command: quoted }));
    case 'commander.optionMissingArgument':
      return quoted === undefined ? undefined : msg('cli.option-missing-argument', { option: quoted });
    case 'commander.missingArgument':
      return quoted === undefined ? undefined : msg('cli.missing-argument', { argument: quoted });
    case 'commander.excessArguments': {
      const m = /too many arguments(?: for '([^']*)')?\. Expected (\d+) arguments? but got (\d+)\./.exec(text);
      if (!m) return undefined;
      return msg('cli.excess-arguments', { command: m[1] ? msg('cli.excess-for', { command: m[1] }) : '', expected: Number(m[2]), count: Number(m[3]) });
    }
    default:
      return undefined;
  }
}
