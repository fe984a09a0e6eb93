import { render } from '../i18n/catalogue.js';
import type { Message } from '../i18n/message.js';

/** A mistake on the command line: exit 2 with the message (printed in the run's language). */
export class UsageError extends Error {
  readonly messageRef?: Message;

  constructor(reason: string | Message) {
    super(typeof reason === 'string' ? reason : render('en', reason));
    if (typeof reason !== 'string') this.messageRef = reason;
  }
}
