import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/text/position.js';

describe('LineIndex', () => {
  it('comes back from its line starts as bytes with the same positions, and refuses bytes that are not line starts', () => {
    const li = new LineIndex('停缴以后\r\n个人账户\n\n余额不清零');
    const back = LineIndex.fromStartsBytes(Uint8Array.from(li.startsBytes()))!;
    expect(back.lineCount).toBe(li.lineCount);
    for (let o = -1; o <= 20; o++) expect(back.position(o)).toEqual(li.position(o));
    expect(back.lineText(2)).toBe('');
    expect(LineIndex.fromStartsBytes(new Uint8Array(0))).toBeUndefined();
    expect(LineIndex.fromStartsBytes(li.startsBytes().subarray(0, 6))).toBeUndefined();
    // Starts that go backwards, or a first start that is not 0.
    expect(LineIndex.fromStartsBytes(new Uint8Array(Int32Array.from([9, 0, 5, 3]).buffer))).toBeUndefined();
    expect(LineIndex.fromStartsBytes(new Uint8Array(Int32Array.from([9, 1]).buffer))).toBeUndefined();
  });

  it('maps offsets to 1-based lines and UTF-16 columns in an LF file', () => {
    const li = new LineIndex('医保\n\n个人账户\n');
    expect(li.lineCount).toBe(4);
    expect(li.position(0)).toEqual({ line: 1, column: 1 });
    expect(li.position(2)).toEqual({ line: 1, column: 3 });
    expect(li.position(3)).toEqual({ line: 2, column: 1 });
    // '医保\n\n' is 4 characters: 账 is the third character of line 3.
    expect(li.position(6)).toEqual({ line: 3, column: 3 });
    expect(li.position(99)).toEqual({ line: 4, column: 1 });
    expect(li.lineText(3)).toBe('个人账户');
  });

  it('ends lines at CR, LF and CRLF alike', () => {
    const li = new LineIndex('a\r\nb\rc\nd');
    expect(li.lineCount).toBe(4);
    expect([1, 2, 3, 4].map((l) => li.lineStart(l))).toEqual([0, 3, 5, 7]);
    expect(li.lineText(1)).toBe('a');
    expect(li.position(4)).toEqual({ line: 2, column: 2 });
  });

  it('has one line for text without line breaks', () => {
    const li = new LineIndex('职工医保');
    expect(li.lineCount).toBe(1);
    expect(li.range({ start: 1, end: 4 })).toEqual({ start: { line: 1, column: 2 }, end: { line: 1, column: 5 } });
  });
});
