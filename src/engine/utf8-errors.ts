// Where bytes break UTF-8, so a note can name them. Each bad sequence is the
// "maximal subpart" the WHATWG decoder replaces with one U+FFFD: a lead byte
// and the continuation bytes that were still valid when the sequence broke.

import { msg, type Message } from '../i18n/message.js';

export interface BadSequence {
  /** Offset of the first byte in the buffer (0-based). */
  readonly offset: number;
  readonly length: number;
}

/**
 * Up to `limit` bad sequences, in order, how many there are in all, and how many
 * well-formed multi-byte characters there are (GB18030 bytes rarely form one).
 */
export function invalidUtf8(b: Uint8Array, limit = 3): { count: number; first: BadSequence[]; wellFormed: number } {
  const first: BadSequence[] = [];
  let count = 0;
  let wellFormed = 0;
  let i = 0;
  while (i < b.length) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    }
    let ok = need > 0;
    let k = 1;
    for (; ok && k <= need; k++) {
      const d = b[i + k];
      if (d === undefined || (k === 1 ? d < lo || d > hi : d < 0x80 || d > 0xbf)) ok = false;
    }
    if (ok) {
      wellFormed++;
      i += need + 1;
      continue;
    }
    // The loop stopped one past the byte that failed: k - 2 continuation bytes were good.
    const length = need === 0 ? 1 : Math.max(1, k - 1);
    count++;
    if (first.length < limit) first.push({ offset: i, length });
    i += length;
  }
  return { count, first, wellFormed };
}

/** `byte offset 3051 (e7 94)`: where a bad sequence is and what it holds. */
export function describeBytes(b: Uint8Array, s: BadSequence, base = 0): Message {
  const hex = Array.from(b.subarray(s.offset, s.offset + s.length), (x) => x.toString(16).padStart(2, '0')).join(' ');
  return msg('input.byte-offset', { offset: base + s.offset, bytes: hex });
}
