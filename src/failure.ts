import { render } from './i18n/catalogue.js';
import type { Message } from './i18n/message.js';

/**
 * A failure of the run itself (exit 2): a one-line reason plus details for
 * stderr. Given as a catalogue message, the CLI prints it in the run's
 * language; `reason` is always the English text (for logs and the API).
 */
export class RunFailure extends Error {
  readonly reason: string;
  readonly messageRef?: Message;
  /** The details in English (`details`) and, for those given as catalogue messages, as messages to render in the run's language. */
  readonly details: readonly string[];
  readonly detailRefs: readonly (string | Message)[];

  constructor(reason: string | Message, details: readonly (string | Message)[] = []) {
    const text = typeof reason === 'string' ? reason : render('en', reason);
    super(text);
    this.reason = text;
    if (typeof reason !== 'string') this.messageRef = reason;
    this.detailRefs = details;
    this.details = details.map((d) => (typeof d === 'string' ? d : render('en', d)));
  }
}
