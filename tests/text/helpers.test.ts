import { describe, expect, it } from 'vitest';
import { charClass, escapeRegExp, wordAlternation } from '../../src/text/regex.js';
import { codeUnitTable, isSpace } from '../../src/text/code-units.js';

describe('text/code-units', () => {
  it('isSpace agrees with the regex \\s on every UTF-16 unit', () => {
    const differ: number[] = [];
    for (let c = 0; c < 0x10000; c++) if (isSpace(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it('codeUnitTable marks the characters given and leaves out astral ones', () => {
    const t = codeUnitTable('，。𠀀');
    expect(t['，'.charCodeAt(0)]).toBe(1);
    expect(t['。'.charCodeAt(0)]).toBe(1);
    expect(t[','.charCodeAt(0)]).toBe(0);
    // 𠀀 is a surrogate pair: neither half is marked.
    expect(t[0xd840]).toBe(0);
    expect(codeUnitTable(['；', 'ab'])['；'.charCodeAt(0)]).toBe(1);
    expect(codeUnitTable(['；', 'ab'])['a'.charCodeAt(0)]).toBe(0);
  });
});

describe('text/regex', () => {
  it('tries the longest word first and reads words literally', () => {
    const re = new RegExp(wordAlternation(['清零', '不会清零', 'a.b', '清零']), 'u');
    expect(re.exec('余额不会清零')?.[0]).toBe('不会清零');
    expect(re.test('axb')).toBe(false);
    expect(re.test('a.b')).toBe(true);
  });

  it('an empty word list matches nothing', () => {
    expect(new RegExp(wordAlternation([]), 'u').test('任何文字')).toBe(false);
    expect(new RegExp(wordAlternation(['']), 'u').test('')).toBe(false);
    expect(new RegExp(charClass(''), 'u').test('x')).toBe(false);
  });

  it('escapes what a character class or a pattern would read as syntax', () => {
    expect(new RegExp(charClass('^-]\\'), 'u').test('-')).toBe(true);
    expect(new RegExp(charClass('^-]\\'), 'u').test('a')).toBe(false);
    expect(new RegExp(`^${escapeRegExp('(1+1)*2?')}$`, 'u').test('(1+1)*2?')).toBe(true);
  });
});
