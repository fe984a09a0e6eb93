// A seeded generator of bad article inputs for the fuzz tests (issue 9). Every
// case is a file name and its bytes, made from the bundled corpus's prose (so
// the registry's patterns and the reader get real sentences to chew on) by one
// of the kinds below. The same seed gives the same cases, so a failure replays:
// the test names the seed and the case.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { random } from './random.js';
import { repoRoot } from './cli.js';

export interface FuzzCase {
  /** What made it, for the failure message: `kind#index`. */
  readonly label: string;
  readonly name: string;
  readonly bytes: Uint8Array;
}

type Rand = (n: number) => number;

/** Prose to mutate: the bundled corpus articles and the project's own scraped pages. */
function seeds(): string[] {
  const corpus = join(repoRoot, 'corpus');
  const pages = join(repoRoot, 'tests', 'fixtures', 'pages');
  const texts = [
    ...readdirSync(corpus).filter((f) => f.endsWith('.md')).sort().map((f) => readFileSync(join(corpus, f), 'utf8')),
    ...readdirSync(pages).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(pages, f), 'utf8')),
  ];
  if (texts.length === 0) throw new Error('fuzz: no seed texts in corpus/');
  return texts;
}

let seedTexts: string[] | undefined;
const seedText = (r: Rand) => {
  seedTexts ??= seeds();
  return seedTexts[r(seedTexts.length)]!;
};
const pick = <T>(r: Rand, list: readonly T[]): T => list[r(list.length)]!;
const utf8 = (s: string) => Buffer.from(s, 'utf8');
/** A slice of a seed text, whole lines, at most `max` characters. */
function excerpt(r: Rand, max = 1500): string {
  const lines = seedText(r).split('\n');
  const from = r(lines.length);
  let out = '';
  for (let i = from; i < lines.length && out.length < max; i++) out += `${lines[i]}\n`;
  return out || lines.join('\n');
}
const sentence = (r: Rand) => {
  const parts = excerpt(r, 600).split(/(?<=[。！？；\n])/u).filter((s) => s.trim().length > 4);
  return parts.length ? pick(r, parts).trim() : '个人账户余额不会清零。';
};

// --- encodings ---------------------------------------------------------------

let gbTable: Map<string, Uint8Array> | undefined;
/** GB18030's two-byte table, read from the platform decoder (Node has no GB18030 encoder). */
function gb18030(text: string): Uint8Array {
  if (!gbTable) {
    gbTable = new Map();
    const dec = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(Uint8Array.of(lead, trail));
        if (ch.length === 1 && ch !== '\ufffd' && !gbTable.has(ch)) gbTable.set(ch, Uint8Array.of(lead, trail));
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const b = gbTable.get(ch);
      if (b) out.push(b[0]!, b[1]!);
      else out.push(0x3f);
    }
  }
  return Uint8Array.from(out);
}

function utf16(text: string, bigEndian: boolean, bom: boolean): Uint8Array {
  const le = Buffer.from((bom ? '\ufeff' : '') + text, 'utf16le');
  if (bigEndian) le.swap16();
  return le;
}

function utf32(text: string, bom: boolean): Uint8Array {
  const points = [...((bom ? '\ufeff' : '') + text)].map((c) => c.codePointAt(0)!);
  const out = Buffer.alloc(points.length * 4);
  points.forEach((p, i) => out.writeUInt32LE(p, i * 4));
  return out;
}

const ENCODINGS: ReadonlyArray<[string, (s: string) => Uint8Array]> = [
  ['utf8', (s) => utf8(s)],
  ['utf8-bom', (s) => Buffer.concat([Uint8Array.of(0xef, 0xbb, 0xbf), utf8(s)])],
  ['utf8-double-bom', (s) => Buffer.concat([Uint8Array.of(0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf), utf8(s)])],
  ['utf16le-bom', (s) => utf16(s, false, true)],
  ['utf16be-bom', (s) => utf16(s, true, true)],
  ['utf16le', (s) => utf16(s, false, false)],
  ['utf16be', (s) => utf16(s, true, false)],
  ['utf32le-bom', (s) => utf32(s, true)],
  ['utf32le', (s) => utf32(s, false)],
  ['gb18030', (s) => gb18030(s)],
  ['gb18030-with-utf8-bom', (s) => Buffer.concat([Uint8Array.of(0xef, 0xbb, 0xbf), gb18030(s)])],
  ['latin1', (s) => Buffer.from(s, 'latin1')],
];

// --- the kinds of bad input --------------------------------------------------

const FORMAT_CHARS = ['\u200b', '\u200c', '\u200d', '\u2060', '\u00ad', '\u202e', '\u202d', '\u2066', '\u2069', '\ufeff', '\u034f', '\ufe0f', '\ufffd', '\u0301', '\ue000', '\u3000'];

function sprinkle(r: Rand, text: string, chars: readonly string[], rate: number): string {
  let out = '';
  for (const ch of text) {
    out += ch;
    if (r(1000) < rate) out += pick(r, chars);
  }
  return out;
}

/** Chinese prose that makes a regex engine try hard: long runs of what patterns look for, without what ends them. */
function backtrackingBait(r: Rand): string {
  const words = ['个人账户', '停缴', '不', '没有不', '可能', '听说', '余额', '清零', '三个月', '2024年', '最新', '石家庄', '邯郸', '吗', '，', '的', '医保', '缴费', '（', '【', '一二三四五六七八九十', '3', '%'];
  const run = pick(r, words).repeat(200 + r(3000));
  const mixed = Array.from({ length: 50 + r(400) }, () => pick(r, words)).join('');
  return pick(r, [
    `# 医保\n\n${run}\n`,
    `${run}${sentence(r)}${run}\n`,
    `${mixed}。${mixed}？\n`,
    `停缴${'以后，'.repeat(500 + r(2000))}余额\n`,
    `个人账户${'不'.repeat(1000 + r(5000))}清零。\n`,
    `${'2024年'.repeat(300 + r(1000))}最新政策\n`,
    `${'（'.repeat(1000 + r(3000))}个人账户余额${'）'.repeat(r(2) ? 1000 : 0)}\n`,
    `${Array.from({ length: 400 }, (_, i) => `${i}`).join('')}元/月\n`,
  ]);
}

function deepNesting(r: Rand): string {
  const n = 500 + r(5000);
  return pick(r, [
    `${'>'.repeat(n)} 个人账户余额会清零。\n`,
    Array.from({ length: Math.min(n, 300) }, (_, i) => `${'  '.repeat(i)}- 第${i}层：停缴后余额保留。`).join('\n') + '\n',
    `${'['.repeat(n)}余额${']'.repeat(n)}(${'('.repeat(n)})\n`,
    `${'*'.repeat(n)}余额清零${'_'.repeat(n)}\n`,
    `${'<div>'.repeat(n)}余额清零${'</div>'.repeat(r(n))}\n`,
    `${'#'.repeat(n)} 标题\n\n${'1. '.repeat(n)}停缴\n`,
    `${'<!--'.repeat(n)} claimlint-disable ${'-->'.repeat(r(n))}\n余额清零。\n`,
    `${'`'.repeat(n)}\n余额清零\n${'~'.repeat(n)}\n`,
  ]);
}

function frontMatter(r: Rand): string {
  const body = excerpt(r, 800);
  const bomb = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`)].join('\n');
  const fm = pick(r, [
    'title: [unclosed',
    'title: 医保\ndate: 2025-13-45\nregion: 42',
    bomb,
    'title: !!binary "ZmFrZQ=="\nregion: !!js/function "function(){}"',
    'base: &b { title: 医保 }\n<<: *b\n<<: *b',
    'title: 一\ntitle: 二',
    `title: ${'长'.repeat(20000 + r(40000))}`,
    Array.from({ length: 2000 + r(5000) }, (_, i) => `k${i}: v${i}`).join('\n'),
    'region:\n  - 北京\n  - { nested: [1, [2, [3]]] }\ndate: null\ntags: 7',
    '\t title: tab',
    `${'- '.repeat(3000)}x`,
    'title: "\\ud800"',
    '? complex key\n: value',
    `date: ${'9'.repeat(400)}`,
  ]);
  return pick(r, [
    `---\n${fm}\n---\n\n${body}`,
    `---\n${fm}\n${body}`, // never closed
    `---\r\n${fm.replace(/\n/g, '\r\n')}\r\n---\r\n${body}`,
    `\ufeff---\n${fm}\n---\n${body}`,
    `---\n---\n---\n${fm}\n...\n${body}`,
    `+++\n${fm}\n+++\n${body}`,
  ]);
}

function directives(r: Rand): string {
  const s = sentence(r);
  const d = pick(r, [
    '<!-- claimlint-disable-next-line',
    '<!-- claimlint-disable no-such-rule -->',
    '<!-- claimlint-enable -->',
    '<!-- claimlint-disable-line claim-contradiction,,, , -->',
    '<!-- claimlint-disable stale-year -- -- -- reason -- -->',
    '<!-- claimlint-disable-next-line -->',
    '<!--claimlint-disable-->',
    '<!-- CLAIMLINT-DISABLE -->',
    `<!-- claimlint-disable ${'x'.repeat(10000)} -->`,
    `<!-- claimlint-disable ${Array.from({ length: 500 }, (_, i) => `rule-${i}`).join(' ')} -->`,
    '<!-- claimlint-disable -->\n<!-- claimlint-disable -->\n<!-- claimlint-enable -->',
  ]);
  return pick(r, [
    `# 标题\n\n${d}\n${s}\n`,
    `${s}${d}\n`,
    `${Array.from({ length: Math.min(200 + r(1000), Math.ceil(200_000 / d.length)) }, () => d).join('\n')}\n${s}\n`,
    `${s}\n\n${d}`,
  ]);
}

function lineEnds(r: Rand): string {
  const t = excerpt(r);
  return pick(r, [
    t.replace(/\n/g, '\r'),
    t.replace(/\n/g, '\r\n'),
    t.replace(/\n/g, () => pick(r, ['\n', '\r', '\r\n', '\n\r', '\u2028', '\u2029', '\u0085', '\v', '\f'])),
    t.replace(/\n/g, ''),
    `${t}\r`,
  ]);
}

function hugeLine(r: Rand): string {
  const s = sentence(r).replace(/[。！？；]/gu, '');
  return pick(r, [
    s.repeat(Math.ceil((20000 + r(100000)) / Math.max(1, s.length))),
    `# ${'标题'.repeat(5000 + r(30000))}\n\n${s}\n`,
    `${sentence(r).repeat(50 + r(300))}`,
    `${'a'.repeat(50000 + r(200000))}\n${s}\n`,
    `${' '.repeat(50000)}${s}\n`,
  ]);
}

function truncatedMultibyte(r: Rand): Uint8Array {
  const bytes = utf8(excerpt(r));
  switch (r(4)) {
    case 0: // cut inside the last character
      return bytes.subarray(0, Math.max(1, bytes.length - 1 - r(2)));
    case 1: {
      // a byte taken out of the middle
      const at = r(bytes.length);
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + 1)]);
    }
    case 2: {
      // lead bytes without their continuations, sprinkled
      const out = Buffer.from(bytes);
      for (let k = 0; k < 1 + r(20); k++) out[r(out.length)] = pick(r, [0xe4, 0xc3, 0xf0, 0x80, 0xbf, 0xff, 0xfe]);
      return out;
    }
    default: // overlong and surrogate encodings
      return Buffer.concat([bytes.subarray(0, r(bytes.length)), Uint8Array.of(0xc0, 0xaf, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80), bytes.subarray(r(bytes.length))]);
  }
}

function withNuls(r: Rand): Uint8Array {
  const bytes = Buffer.from(utf8(excerpt(r)));
  const out: number[] = [];
  const rate = pick(r, [1, 5, 50, 500]);
  for (const b of bytes) {
    out.push(b);
    if (r(1000) < rate) out.push(0);
  }
  return Uint8Array.from(out);
}

function randomBytes(r: Rand): Uint8Array {
  const n = pick(r, [0, 1, 2, 3, 16, 200, 4096, 20000]);
  const out = new Uint8Array(n);
  const alphabet = r(3); // 0 any byte, 1 high bytes only (plausible GB18030/UTF-8 lead bytes), 2 printable ASCII and newlines
  for (let i = 0; i < n; i++) out[i] = alphabet === 0 ? r(256) : alphabet === 1 ? 0x80 + r(128) : pick(r, [10, 13, 32, 35, 45, 62, 33 + r(94)]);
  return out;
}

function spliced(r: Rand): Uint8Array {
  // A good article with random bytes written over a few places.
  const out = Buffer.from(utf8(excerpt(r, 3000)));
  for (let k = 0; k < 1 + r(8); k++) {
    const at = r(out.length);
    for (let j = 0; j < 1 + r(6) && at + j < out.length; j++) out[at + j] = r(256);
  }
  return out;
}

const KIND_COUNT = 12;
type Kind = readonly [string, (r: Rand, index: number) => string | Uint8Array];

export const KINDS: readonly Kind[] = [
  ['random-bytes', randomBytes],
  ['truncated-multibyte', truncatedMultibyte],
  // Each encoding in turn (with and without a byte order mark), so every batch has them all.
  ['encoding', (r, index) => ENCODINGS[Math.floor(index / KIND_COUNT) % ENCODINGS.length]![1](excerpt(r))],
  ['nuls', withNuls],
  ['line-ends', lineEnds],
  ['huge-line', hugeLine],
  ['deep-nesting', deepNesting],
  ['front-matter', frontMatter],
  ['directives', directives],
  ['format-characters', (r) => sprinkle(r, excerpt(r), FORMAT_CHARS, pick(r, [20, 200, 900]))],
  ['backtracking-bait', backtrackingBait],
  ['spliced', spliced],
];

if (KINDS.length !== KIND_COUNT) throw new Error('fuzz: KIND_COUNT must be the number of kinds');

const EXTENSIONS = ['.md', '.txt', '.markdown'];

/** `count` cases from `seed`, cycling through the kinds so every kind is in every batch. */
export function fuzzCases(seed: number, count: number, offset = 0): FuzzCase[] {
  const out: FuzzCase[] = [];
  for (let i = offset; i < offset + count; i++) {
    // One generator per case: a case can be made again from (seed, index) alone.
    const r = random((seed * 1_000_003 + i) >>> 0);
    const [kind, make] = KINDS[i % KINDS.length]!;
    const made = make(r, i);
    const bytes = typeof made === 'string' ? utf8(made) : made;
    out.push({ label: `${kind}#${i}`, name: `case-${String(i).padStart(6, '0')}-${kind}${pick(r, EXTENSIONS)}`, bytes });
  }
  return out;
}

/** The encodings the generator writes, by name (for the report of what a run covered). */
export const ENCODING_NAMES = ENCODINGS.map(([n]) => n);
