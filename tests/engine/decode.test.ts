import { render } from '../../src/i18n/catalogue.js';
import { describe, expect, it } from 'vitest';
import { decode } from '../../src/engine/decode.js';

const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);
const concat = (...parts: (Uint8Array | number[])[]): Uint8Array => {
  const out: number[] = [];
  for (const p of parts) out.push(...p);
  return new Uint8Array(out);
};

describe('decode', () => {
  it('decodes plain UTF-8 without notes', () => {
    const r = decode(utf8('职工医保\n个人账户。'));
    expect(r).toEqual({ ok: true, text: '职工医保\n个人账户。', encoding: 'utf-8', notes: [] });
  });

  it('strips a UTF-8 byte order mark', () => {
    const r = decode(concat([0xef, 0xbb, 0xbf], utf8('医保')));
    expect(r.ok && r.text).toBe('医保');
    expect(r.ok && r.text.length).toBe(2);
  });

  it('keeps CRLF and lone CR line endings untouched', () => {
    const r = decode(utf8('第一行\r\n第二行\r第三行\n'));
    expect(r.ok && r.text).toBe('第一行\r\n第二行\r第三行\n');
  });

  it('falls back to GB18030 and names the line of the first invalid byte', () => {
    // 医 = D2 BD, 保 = B1 A3, 职 = D6 B0, 工 = B9 A4, 清 = C7 E5, 零 = C1 E3, 。= A1 A3 (checked with TextDecoder('gb18030')).
    // D2 BD happens to be a valid UTF-8 pair; the first invalid byte is B1, on line 3.
    const bytes = concat(utf8('a\nb\n'), [0xd2, 0xbd, 0xb1, 0xa3], utf8('\n'), [0xd6, 0xb0, 0xb9, 0xa4, 0xc7, 0xe5, 0xc1, 0xe3, 0xa1, 0xa3]);
    const r = decode(bytes);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe('a\nb\n医保\n职工清零。');
    expect(r.notes.map((n) => ({ ...n, message: render('en', n.message) }))).toEqual([{ severity: 'info', message: 'decoded as GB18030 (not valid UTF-8)', line: 3 }]);
  });

  it('reports line 1 when the very first byte is invalid UTF-8', () => {
    const r = decode(new Uint8Array([0xc7, 0xe5, 0xc1, 0xe3]));
    expect(r.ok && r.text).toBe('清零');
    expect(r.ok && r.notes[0]?.line).toBe(1);
  });

  it('rejects NUL bytes as binary', () => {
    const r = decode(concat(utf8('PK'), [0, 0, 3, 4], utf8('医保')));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.reason).toBe('binary');
  });

  it('rejects a high share of control bytes as binary', () => {
    const bytes = new Uint8Array(200);
    for (let i = 0; i < bytes.length; i++) bytes[i] = i % 2 === 0 ? 0x41 : 0x01 + (i % 7);
    const r = decode(bytes);
    expect(!r.ok && r.reason).toBe('binary');
  });

  it('accepts text with a few stray control bytes', () => {
    const text = '医保个人账户'.repeat(20) + '\x07';
    const r = decode(utf8(text));
    expect(r.ok && r.text).toBe(text);
  });

  it('reports empty input: no bytes, only whitespace, only a BOM, only full-width spaces', () => {
    for (const bytes of [new Uint8Array(0), utf8(' \n\t\r\n'), new Uint8Array([0xef, 0xbb, 0xbf]), utf8('\u3000\u3000\n')]) {
      const r = decode(bytes);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.reason).toBe('empty');
    }
  });

  it('decodes UTF-16 with a byte order mark instead of calling it binary', () => {
    const le = concat([0xff, 0xfe], Buffer.from('医保\r\n清零', 'utf16le'));
    const r = decode(le);
    expect(r.ok && r.text).toBe('医保\r\n清零');
    expect(r.ok && render('en', r.notes[0]!.message)).toContain('UTF-16LE');

    const beBody = Buffer.from('医保', 'utf16le');
    beBody.swap16();
    const rb = decode(concat([0xfe, 0xff], beBody));
    expect(rb.ok && rb.text).toBe('医保');
  });

  it('decodes ASCII-only, astral and noncharacter text exactly, keeping a second BOM', () => {
    const ascii = decode(utf8('plain ascii\n'));
    expect(ascii.ok && ascii.text).toBe('plain ascii\n');
    // U+1F600 is a surrogate pair in UTF-16; U+FFFE and U+10FFFF are valid UTF-8 all the same.
    const r = decode(utf8('医保😀\ufffe\u{10ffff}'));
    expect(r.ok && r.text).toBe('医保😀\ufffe\u{10ffff}');
    expect(r.ok && r.text.length).toBe(7);
    // Only the first BOM is a byte order mark; a second one is text.
    const two = decode(concat([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf], utf8('医保')));
    expect(two.ok && two.text).toBe('\ufeff医保');
  });

  it('calls valid UTF-8 binary when control characters are over a tenth of the sniffed bytes', () => {
    // 10 bytes, 2 of them control bytes (0x01, 0x02): 20% → binary.
    expect(decode(concat(utf8('abcdefgh'), [0x01, 0x02])).ok).toBe(false);
    // 3 Chinese characters are 9 bytes; with one 0x01 that is 1 in 10, not over a tenth.
    const r = decode(concat(utf8('医保卡'), [0x01]));
    expect(r.ok && r.text).toBe('医保卡\x01');
    // A NUL in otherwise valid UTF-8 is binary however rare.
    expect(decode(concat(utf8('医保'.repeat(100)), [0])).ok).toBe(false);
  });

  it('decodes a subarray that starts inside a larger buffer', () => {
    const whole = concat(utf8('xx'), utf8('职工医保'));
    const r = decode(whole.subarray(2));
    expect(r.ok && r.text).toBe('职工医保');
  });
});

describe('decode: UTF-8 with a few bad bytes (issue 9, defect 2)', () => {
  // 保 is E4 BF 9D in UTF-8; dropping its last byte leaves E4 BF, one broken sequence.
  const page = '# 医保个人账户\n\n停缴以后，账户里的钱不会清零。\n2024年最新政策：余额可以继续使用。\n医保';
  const whole = utf8(page);
  const cut = whole.subarray(0, whole.length - 1);

  it('reads a UTF-8 page cut inside its last character as UTF-8, losing only that character', () => {
    const r = decode(cut);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(`${page.slice(0, -1)}\ufffd`);
  });

  it('names the bad bytes, their offset and line, and why UTF-8 was kept', () => {
    const r = decode(cut);
    if (!r.ok) throw new Error('not decoded');
    const offset = whole.length - 3; // where 保 starts
    expect(r.notes).toHaveLength(1);
    expect(r.notes[0]!.severity).toBe('warning');
    expect(r.notes[0]!.line).toBe(5);
    expect(render('en', r.notes[0]!.message)).toMatch(new RegExp(`^not valid UTF-8: 1 byte sequence replaced with U\\+FFFD, at byte offset ${offset} \\(e4 bf\\); read as UTF-8 \\(37 well-formed multi-byte characters; GB18030 would lose \\d+ and garble the rest\\)$`));
  });

  it('counts offsets from the start of the file when it has a byte order mark', () => {
    const r = decode(concat([0xef, 0xbb, 0xbf], cut));
    expect(r.ok && render('en', r.notes[0]!.message)).toContain(`at byte offset ${whole.length - 3 + 3} (e4 bf)`);
  });

  it('lists the first three bad sequences and counts the rest', () => {
    // 87 well-formed characters around 5 stray bytes: FF (never valid), C3 before ASCII (a lead byte without its continuation), and three lone continuation bytes.
    const bytes = concat(utf8('医保一'), [0xff], utf8('二'), [0xc3], utf8('a三'), [0x80], utf8('四'), [0x80], utf8('五'), [0x80], utf8('个人账户余额不清零。'.repeat(8)));
    const r = decode(bytes);
    if (!r.ok) throw new Error('not decoded');
    expect(r.encoding).toBe('utf-8');
    expect(r.text.startsWith('医保一\ufffd二\ufffda三\ufffd四\ufffd五\ufffd个人账户')).toBe(true);
    expect(render('en', r.notes[0]!.message)).toContain('5 byte sequences replaced with U+FFFD, at byte offset 9 (ff), byte offset 13 (c3), byte offset 18 (80) and 2 more;');
  });

  it('still reads a real GB18030 page with one bad byte as GB18030', () => {
    // 清零 in GB18030 (C7 E5 C1 E3) repeated, then a lone FF: UTF-8 would lose every character.
    const gb = concat(...Array.from({ length: 20 }, () => [0xc7, 0xe5, 0xc1, 0xe3]), [0xff]);
    const r = decode(gb);
    if (!r.ok) throw new Error('not decoded');
    expect(r.encoding).toBe('gb18030');
    expect(r.text.startsWith('清零清零')).toBe(true);
    expect(r.notes.map((n) => n.severity)).toEqual(['info', 'warning']);
  });
});
