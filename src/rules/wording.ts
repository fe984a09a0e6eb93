import type { Framing } from '../types.js';
import { msg, type MessageArg } from '../i18n/message.js';

/** How a message introduces a claim that was asked or rumoured rather than stated (nothing for a plain statement). */
export function describeFraming(framing: Framing): MessageArg {
  return framing === 'plain' ? '' : msg(`framing.${framing}`);
}
