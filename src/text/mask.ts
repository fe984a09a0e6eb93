// Blanking parts of a text that are not prose (markup, URLs) while keeping
// every offset: parsers cut sentences from the masked copy, so an index into a
// sentence plus its span start is still a file offset.

import type { Span } from '../types.js';

/** Copy of text with mask ranges replaced by spaces (line breaks kept), same length. */
export function applyMasks(text: string, masks: readonly Span[]): string {
  if (masks.length === 0) return text;
  const sorted = [...masks].sort((a, b) => a.start - b.start);
  const parts: string[] = [];
  let pos = 0;
  for (const m of sorted) {
    const s = Math.max(m.start, pos);
    if (m.end <= s) continue;
    parts.push(text.slice(pos, s), text.slice(s, m.end).replace(/[^\r\n]/g, ' '));
    pos = m.end;
  }
  parts.push(text.slice(pos));
  return parts.join('');
}
