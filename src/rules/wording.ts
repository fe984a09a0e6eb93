import type { Framing } from '../types.js';

/** How a message introduces a claim that was asked or rumoured rather than stated. */
export function describeFraming(framing: Framing): string {
  switch (framing) {
    case 'question':
      return 'asked as a question, ';
    case 'answered':
      return 'asked and answered, ';
    case 'rumour':
      return 'passed on as a rumour and not refuted, ';
    case 'endorsed':
      return 'passed on as a rumour and confirmed, ';
    case 'mention':
      return 'named in a title or noun phrase rather than asserted, ';
    case 'plain':
      return '';
  }
}
