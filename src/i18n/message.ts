// A message as rules, stages and formatters hand it around: an id in the
// catalogue (data/messages/*.yaml) and the values of its named placeholders.
// Rendering into a language happens once, at the end, so the rule code holds
// no user-facing text and every message exists in every language.

/** A value for a placeholder: plain text, a number, another message, or a list of them. */
export type MessageArg = string | number | Message | MessageList;

export interface Message {
  readonly id: string;
  readonly data?: Readonly<Record<string, MessageArg>>;
}

/** Items joined with the catalogue's separator of that name (`sep.semicolon`, `sep.comma`, `sep.enum`, `sep.or`). */
export interface MessageList {
  readonly list: readonly MessageArg[];
  readonly sep: 'semicolon' | 'comma' | 'enum' | 'or';
}

export function msg(id: string, data?: Readonly<Record<string, MessageArg>>): Message {
  return data ? { id, data } : { id };
}

export function list(items: readonly MessageArg[], sep: MessageList['sep']): MessageList {
  return { list: items, sep };
}

export function isMessage(v: unknown): v is Message {
  return typeof v === 'object' && v !== null && typeof (v as Message).id === 'string';
}
