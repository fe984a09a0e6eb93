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

// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[\d*(?:;\d*)*m/g;
/** East Asian wide and full-width characters (CJK, kana, hangul, full-width forms and punctuation). */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/g;

/** Columns a text takes in a terminal: a Chinese character takes two. */
function width(text: string): number {
  return text.replace(ANSI, '').replace(WIDE, '  ').length;
}

/** Pieces a help line may break between: a run of non-space, non-wide characters, or one wide character, each with the spaces before it. */
const CHUNK = new RegExp(`\\s*(?:${WIDE.source}|[^\\s${WIDE.source.slice(1, -1)}]+)`, 'g');

/** The help option, the help command and the help text's headings in `locale`; call before adding subcommands (they inherit it). */
export function localizeHelp(program: Command, locale: Locale): void {
  const t = (id: string, data?: Message['data']) => render(locale, msg(id, data));
  program.helpOption('-h, --help', t('help.help'));
  program.helpCommand(`help ${t('help.usage-command')}`, t('help.help'));
  const withDefault = (description: string, value: unknown, valueDescription: string | undefined) =>
    [description, t('help.default', { value: valueDescription ?? JSON.stringify(value) })].filter(Boolean).join(' ');
  program.configureHelp({
    styleTitle: (title: string) => (TITLES[title] ? t(TITLES[title]!) : title),
    // The usage line's placeholders for "any options" and "a subcommand" (argument names such as [paths...] are names).
    styleOptionText: (text: string) => (text === '[options]' ? t('help.usage-options') : text),
    styleSubcommandText: (text: string) => (text === '[command]' ? t('help.usage-command') : text),
    // Columns line up in a terminal: a Chinese character takes two columns.
    displayWidth: width,
    // As commander's, but a line may also break between two Chinese characters (Chinese has no spaces to break at).
    boxWrap(text: string, columns: number): string {
      if (columns < this.minWidthToWrap) return text;
      return text
        .split(/\r\n|\n/)
        .map((line) => {
          const chunks = line.match(CHUNK);
          if (!chunks) return '';
          const lines: string[] = [];
          let current = chunks.shift()!;
          for (const chunk of chunks) {
            // No line starts with closing punctuation (，。）…) or ends with opening punctuation (（《“…).
            if (width(current) + width(chunk) <= columns || /^[，。、；：！？）》」』”]/.test(chunk) || /[（《「『“]$/.test(current)) current += chunk;
            else {
              lines.push(current);
              current = chunk.trimStart();
            }
          }
          lines.push(current);
          return lines.join('\n');
        })
        .join('\n');
    },
    // As commander's own, with "default:" from the catalogue (claimlint's options have no choices, presets or env vars).
    optionDescription: (option: Option) =>
      option.defaultValue !== undefined && (option.required || option.optional)
        ? withDefault(option.description, option.defaultValue, option.defaultValueDescription)
        : option.description,
    argumentDescription: (argument: Argument) =>
      argument.defaultValue !== undefined ? withDefault(argument.description, argument.defaultValue, argument.defaultValueDescription) : argument.description,
  } satisfies Partial<Help> & ThisType<Help>);
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
