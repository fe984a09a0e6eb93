// claim-contradiction on the two real scraped pages in ../shared/samples,
// judged by reading them whole. Other rules' findings on these pages
// (stale-year, region-conflict, corpus-conflict) have their own tests.
//
// Sentences are found by searching the page text, not by line number. The
// pages mix ASCII and full-width punctuation, so both sides of a search are
// folded to ASCII first (one UTF-16 unit for one, so columns do not move).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { samplesDir } from '../helpers/acceptance.js';

const AS_OF = '2025-06-30';
const PAGE_000 = '000_c20b1bd4671130ea.txt';
const PAGE_001 = '001_52265ac67fb53659.txt';

interface Finding {
  readonly ruleId: string;
  readonly severity: string;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly excerpt?: string;
  readonly claimId?: string;
}

interface Place {
  readonly file: string;
  readonly line: number;
  /** 1-based UTF-16 column of the first character, and one past the last. */
  readonly column: number;
  readonly endColumn: number;
}

const FOLD: Readonly<Record<string, string>> = { '，': ',', '：': ':', '（': '(', '）': ')', '；': ';', '？': '?' };
const fold = (s: string): string => s.replace(/[，：（）；？]/g, (c) => FOLD[c]!);

const pages = new Map<string, string[]>(
  readdirSync(samplesDir)
    .filter((n) => n.endsWith('.txt'))
    .map((n) => [n, fold(readFileSync(join(samplesDir, n), 'utf8')).split(/\r\n|\r|\n/)]),
);

/** The one place in the samples where `text` occurs; fails when it is missing or not unique. */
function locate(text: string): Place {
  const needle = fold(text);
  const hits: Place[] = [];
  for (const [file, lines] of pages) {
    lines.forEach((l, i) => {
      for (let at = l.indexOf(needle); at >= 0; at = l.indexOf(needle, at + 1)) {
        hits.push({ file, line: i + 1, column: at + 1, endColumn: at + 1 + needle.length });
      }
    });
  }
  expect(hits, `“${text}” should occur exactly once in the samples`).toHaveLength(1);
  return hits[0]!;
}

let contradictions: Finding[] = [];

beforeAll(() => {
  const run = runCli(['check', samplesDir, '--as-of', AS_OF, '--format', 'json']);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as { findings: Finding[] };
  contradictions = report.findings
    .filter((f) => f.ruleId === 'claim-contradiction')
    .map((f) => ({ ...f, file: basename(f.file) }));
});

/** A contradiction a careful editor reports, and the text that picks out its sentence. */
interface Expected {
  readonly sentence: string;
  readonly claimId: string;
  readonly severity: 'error' | 'warning';
}

const expectedContradictions: readonly Expected[] = [
  {
    // 001: “个人账户资金来源于个人缴费(约20%)和单位缴费(约80%)的划入”. Since the
    // 2021 outpatient reform (国办发〔2021〕14号) the in-work account is credited
    // only from the employee's own 2%; the employer share all goes to the pooled
    // fund. The sentence states the opposite as current fact, unhedged.
    sentence: '单位缴费（约80%）',
    claimId: 'personal-account.employer-share',
    severity: 'error',
  },
  {
    // 001: after a lapse of more than three months “需连续缴费满6个月后才能恢复待遇”.
    // 医保办发〔2021〕43号 lets each region set a waiting period of at most six
    // months: six months is within that ceiling, so stating it as the general
    // rule is a warning (a local rule stated as general), not an error.
    sentence: '需连续缴费满6个月后才能恢复待遇',
    claimId: 'lapse.waiting-period',
    severity: 'warning',
  },
  {
    // 001, under 换单位后医保怎么转接: “职工医保转移仅转移缴费年限记录，个人账户不随转移”.
    // The same 2021 办法 transfers the account balance with the relationship (the
    // page's own 职工医保换单位怎么转移 item even says 可随同转移).
    sentence: '职工医保转移仅转移缴费年限记录，个人账户不随转移',
    claimId: 'transfer.account-balance',
    severity: 'error',
  },
  {
    // 000, under 城镇居民医保可以在药店使用吗: “城乡居民医保的门诊统筹及个人账户仅能在定点
    // 医疗机构使用” gives 居民医保 a personal account, which it has not had since
    // 2020 (the page says so itself a few words earlier). The registry entry's
    // confidence is medium, so this is a warning.
    sentence: '城乡居民医保的门诊统筹及个人账户仅能在定点医疗机构使用',
    claimId: 'resident-insurance.no-personal-account',
    severity: 'warning',
  },
];

/** Sentences that agree with a canonical claim: none may be reported as a contradiction. */
const supporting: readonly string[] = [
  '职工医保关系（包括个人账户余额和缴费年限）允许跨省转移，且缴费年限累计计算', // transfer.account-balance + contribution-years
  '账户封存期间，个人账户内的资金仍可正常使用', // balance-after-lapse: retained
  '退休人员医保不转移', // transfer.retiree
  '城乡居民医保没有个人账户', // resident-insurance.no-personal-account
  '医保费由失业保险基金代缴', // contributions.unemployment-benefit
  '职工医保个人账户的资金不会随参保类型转换而转移或清零', // negated: nothing is lost
  '原则上不得提取现金', // no-cash-withdrawal
];

describe('claim-contradiction on the scraped samples', () => {
  it('reports exactly the contradictions an editor would', () => {
    const want = expectedContradictions.map((e) => {
      const p = locate(e.sentence);
      return `${p.file}:${p.line} ${e.claimId} ${e.severity}`;
    });
    const got = contradictions.map((f) => `${f.file}:${f.line} ${f.claimId} ${f.severity}`);
    expect(got.sort()).toEqual(want.sort());
  });

  for (const e of expectedContradictions) {
    it(`reports ${e.claimId} on the sentence with “${e.sentence}”`, () => {
      const p = locate(e.sentence);
      const hits = contradictions.filter((f) => f.file === p.file && f.line === p.line && f.claimId === e.claimId);
      expect(hits).toHaveLength(1);
      // The finding is on that sentence, not on another one sharing the scraped line.
      expect(fold(hits[0]!.excerpt ?? '')).toContain(fold(e.sentence));
    });
  }

  for (const s of supporting) {
    it(`does not report the supporting sentence “${s}”`, () => {
      const p = locate(s);
      const onLine = contradictions.filter((f) => f.file === p.file && f.line === p.line);
      // Scraped lines hold several sentences: 000's line with 城乡居民医保没有个人账户
      // also holds the resident-account contradiction above, so on such a line the
      // finding must stay off this sentence; elsewhere the line must be clean.
      const sharesLine = expectedContradictions.some((e) => {
        const q = locate(e.sentence);
        return q.file === p.file && q.line === p.line;
      });
      if (!sharesLine) {
        expect(onLine).toEqual([]);
        return;
      }
      const touching = onLine.filter(
        (f) => fold(f.excerpt ?? '').includes(fold(s)) || (f.endLine === p.line && f.column < p.endColumn && f.endColumn > p.column),
      );
      expect(touching).toEqual([]);
    });
  }

  it('finds both pages', () => {
    expect([...pages.keys()]).toEqual(expect.arrayContaining([PAGE_000, PAGE_001]));
  });
});
