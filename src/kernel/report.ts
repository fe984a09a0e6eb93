// What a rule reports, before the kernel places it (src/kernel/messages.ts
// turns a descriptor into a finding with absolute lines and columns).

import type { Severity, Span, TextSpan } from '../types.js';
import type { Message, MessageArg } from '../i18n/message.js';

/** The other side of a finding (the conflicting sentence), in this or another file. */
export interface RelatedSpec {
  readonly file: string;
  readonly span: Span;
  readonly excerpt: string;
  /** What this location says, as a catalogue message (data/messages). */
  readonly message?: Message;
}

/**
 * What a rule reports. Positions are relative to `node` (textlint style): the
 * kernel turns them into absolute lines and columns.
 */
export interface ReportDescriptor {
  /** The message's id in the catalogue (data/messages/*.yaml); the kernel renders it in the run's language. */
  readonly messageId: string;
  /** Values of the message's named placeholders. */
  readonly data?: Readonly<Record<string, MessageArg>>;
  readonly node: TextSpan;
  /** Part of node.text, [start, end) in UTF-16 units; default the whole node. */
  readonly range?: readonly [number, number];
  /** Overrides the rule's default severity for this one message (a severity set in config replaces it, unless `ceiling`). */
  readonly severity?: Severity;
  /**
   * `severity` is the most this reading supports (the precision policy: a
   * question is an info at most). Config may lower it but never raise it.
   */
  readonly ceiling?: boolean;
  readonly claimId?: string;
  readonly expected?: string;
  readonly source?: string;
  readonly related?: readonly RelatedSpec[];
}
