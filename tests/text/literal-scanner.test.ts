import { describe, expect, it } from 'vitest';
import { LiteralScanner, ScanHits } from '../../src/text/literal-scanner.js';
import { deserialize, serialize } from 'node:v8';
import { random } from '../helpers/random.js';

function scanned(lists: string[][], text: string): { ids: number[]; hits: ScanHits; scanner: LiteralScanner } {
  const scanner = new LiteralScanner();
  const ids = lists.map((l) => scanner.add(l));
  const hits = new ScanHits();
  scanner.scan(text, hits);
  return { ids, hits, scanner };
}

describe('LiteralScanner', () => {
  it('finds which lists occur, including overlapping and nested strings', () => {
    const { ids, hits } = scanned([['医保', '医疗保险'], ['保险'], ['滞纳金'], ['疗保']], '职工医疗保险费');
    expect(ids.map((id) => hits.has(id))).toEqual([true, true, false, true]);
  });

  it('finds a string that is a suffix of a longer one only where it occurs', () => {
    const { ids, hits } = scanned([['abcd'], ['bc'], ['cx']], 'xabcx');
    expect(ids.map((id) => hits.has(id))).toEqual([false, true, true]);
  });

  it('forgets the previous text at the next scan', () => {
    const { ids, hits, scanner } = scanned([['医保'], ['社保']], '医保卡');
    expect(hits.has(ids[0]!)).toBe(true);
    scanner.scan('社保卡', hits);
    expect(ids.map((id) => hits.has(id))).toEqual([false, true]);
    scanner.scan('', hits);
    expect(ids.map((id) => hits.has(id))).toEqual([false, false]);
  });

  it('knows where the latest occurrence of a list starts', () => {
    // 'c' ends at 2 and starts there; 'abcde' ends later but starts at 0.
    const { ids, hits } = scanned([['c', 'abcde'], ['de']], 'abcde');
    expect(hits.hasFrom(ids[0]!, 2)).toBe(true);
    expect(hits.hasFrom(ids[0]!, 3)).toBe(false);
    expect(hits.hasFrom(ids[1]!, 3)).toBe(true);
    expect(hits.hasFrom(ids[1]!, 4)).toBe(false);
  });

  it('gives the same list the same id and refuses empty strings or late additions', () => {
    const scanner = new LiteralScanner();
    expect(scanner.add(['a', 'b'])).toBe(scanner.add(['b', 'a']));
    expect(scanner.add(['c'])).toBe(1);
    expect(() => scanner.add([''])).toThrow();
    expect(() => scanner.add([])).toThrow();
    scanner.scan('x', new ScanHits());
    expect(() => scanner.add(['d'])).toThrow();
  });

  it('copies what another scan found', () => {
    const { ids, hits, scanner } = scanned([['医保'], ['社保']], '医保');
    const kept = new ScanHits();
    kept.copy(hits);
    scanner.scan('社保', hits);
    expect(ids.map((id) => kept.has(id))).toEqual([true, false]);
    expect(ids.map((id) => hits.has(id))).toEqual([false, true]);
  });

  it('agrees with a plain substring search on random texts', () => {
    const rnd = random(42);
    const alphabet = '医保疗险账户个人缴费abc';
    const word = (max: number) => Array.from({ length: 1 + rnd(max) }, () => alphabet[rnd(alphabet.length)]).join('');
    const lists = Array.from({ length: 30 }, () => Array.from({ length: 1 + rnd(4) }, () => word(4)));
    const scanner = new LiteralScanner();
    const ids = lists.map((l) => scanner.add(l));
    const hits = new ScanHits();
    const wrong: string[] = [];
    for (let k = 0; k < 400; k++) {
      const text = word(30);
      scanner.scan(text, hits);
      lists.forEach((l, i) => {
        if (hits.has(ids[i]!) !== l.some((s) => text.includes(s))) wrong.push(`${l.join('|')} in ${text}`);
        const latest = Math.max(...l.map((s) => text.lastIndexOf(s)));
        for (const from of [0, 5, 10]) if (hits.hasFrom(ids[i]!, from) !== latest >= from) wrong.push(`${l.join('|')} from ${from} in ${text}`);
      });
    }
    expect(wrong).toEqual([]);
  });

  it('reads the same after being stored without its table and read back (as the registry cache does)', () => {
    const lists = [['医保', '医疗保险'], ['保险'], ['疗保', '保'], ['险费', '医疗保险费用']];
    const original = new LiteralScanner();
    const ids = lists.map((l) => original.add(l));
    // Stored before and after the original has scanned (its table built).
    const before = original.withoutTable();
    original.scan('医保', new ScanHits());
    const after = original.withoutTable();
    const texts = ['职工医疗保险费用', '保险', '医疗保', '', '疗保险费医保'];
    for (const stored of [before, after]) {
      const back = deserialize(serialize(stored)) as LiteralScanner;
      Object.setPrototypeOf(back, LiteralScanner.prototype);
      expect(() => back.add(['新'])).toThrow();
      for (const text of texts) {
        const a = new ScanHits();
        const b = new ScanHits();
        original.scan(text, a);
        back.scan(text, b);
        expect(ids.map((id) => [b.has(id), b.lastStart[id]])).toEqual(ids.map((id) => [a.has(id), a.lastStart[id]]));
        expect(ids.map((id) => b.has(id))).toEqual(lists.map((l) => l.some((s) => text.includes(s))));
      }
    }
  });
});
