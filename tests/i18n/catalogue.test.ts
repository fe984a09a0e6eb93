import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogueError, hasMessage, loadCatalogues, render } from '../../src/i18n/catalogue.js';
import { environmentLocale, resolveLocale } from '../../src/i18n/locale.js';
import { list, msg } from '../../src/i18n/message.js';
import { JSON_TYPES, YAML_CODES } from '../../src/yaml/located.js';
import { KNOWN_CODES as FS_CODES } from '../../src/fs-errors.js';
import { allRuleMeta } from '../../src/rules/index.js';

const EN = readFileSync(new URL('../../data/messages/en.yaml', import.meta.url), 'utf8');
const ZH = readFileSync(new URL('../../data/messages/zh.yaml', import.meta.url), 'utf8');

function problemsOf(files: { en?: string; zh?: string }): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'claimlint-messages-'));
  const paths: { en?: string; zh?: string } = {};
  for (const [k, text] of Object.entries(files)) {
    const p = join(dir, `${k}.yaml`);
    writeFileSync(p, text);
    paths[k as 'en' | 'zh'] = p;
  }
  try {
    loadCatalogues(paths);
    return [];
  } catch (err) {
    expect(err).toBeInstanceOf(CatalogueError);
    return [...(err as CatalogueError).problems];
  }
}

describe('message catalogues', () => {
  it('load: every id in both languages with the same placeholders', () => {
    const c = loadCatalogues();
    expect(c.get('en')!.size).toBe(c.get('zh')!.size);
    expect([...c.get('en')!.keys()].sort()).toEqual([...c.get('zh')!.keys()].sort());
  });

  it('a key missing in one catalogue fails, naming the file and the key', () => {
    const zh = ZH.replace(/^  stale-year\.dated: .*\n/m, '');
    expect(zh).not.toBe(ZH);
    expect(problemsOf({ zh })).toEqual(['data/messages/zh.yaml: missing message "stale-year.dated" (it is in data/messages/en.yaml)']);
  });

  it('a placeholder one language lacks fails, naming the file, line and key', () => {
    const zh = ZH.replace('  stale-year.dated: "（本条日期为 {date}）"', '  stale-year.dated: "（本条日期为 {day}）"');
    expect(zh).not.toBe(ZH);
    const problems = problemsOf({ zh });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^data\/messages\/zh\.yaml:\d+:\d+: message "stale-year\.dated" has placeholders \{day\} but data\/messages\/en\.yaml has \{date\}$/);
  });

  it('a schema problem is reported with file and line', () => {
    const en = EN.replace('  sep.comma: ", "', '  sep.comma: 3');
    const problems = problemsOf({ en });
    expect(problems[0]).toMatch(/^data\/messages\/en\.yaml:\d+:\d+: /);
    expect(problems[0]).toContain('sep.comma');
  });

  it('renders placeholders, plurals, nested messages and lists per language', () => {
    expect(render('en', msg('label.count.files', { count: 1 }))).toBe('1 file');
    expect(render('en', msg('label.count.files', { count: 2 }))).toBe('2 files');
    expect(render('zh', msg('label.count.files', { count: 1 }))).toBe('1 个文件');
    const hedged = msg('qualifier.hedged', { hedges: list([msg('quote.text', { text: '可能' }), msg('quote.text', { text: '一般' })], 'enum') });
    expect(render('en', hedged)).toBe('hedged with “可能”、“一般”');
    expect(render('zh', msg('claim-contradiction.notes', { list: list(['甲', '乙'], 'semicolon') }))).toBe('（甲；乙）');
    expect(render('en', msg('claim-contradiction.notes', { list: list(['a', 'b'], 'semicolon') }))).toBe(' (a; b)');
  });

  it('an unknown id or a missing argument throws', () => {
    expect(() => render('en', msg('no.such-message'))).toThrow(/no message "no.such-message"/);
    expect(() => render('en', msg('stale-year.dated'))).toThrow(/no value for \{date\}/);
  });

  it('every message id the source code names is in the catalogue', () => {
    const ids = new Set<string>();
    const walk = (dir: string): void => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) {
          const text = readFileSync(p, 'utf8');
          for (const m of text.matchAll(/(?:messageId: |msg\(|label\((?:locale|l|loc), )'([a-z][a-z0-9-]*(?:\.[a-z0-9-]+)+)'/g)) ids.add(m[1]!);
        }
      }
    };
    walk(new URL('../../src', import.meta.url).pathname);
    expect(ids.size).toBeGreaterThan(40);
    expect([...ids].filter((id) => !hasMessage(id))).toEqual([]);
  });

  it('every id the code builds from a name is there too: YAML error codes, schema types, file-system codes, rules, example kinds', () => {
    const built = [
      ...[...YAML_CODES].map((c) => `yaml.${c.toLowerCase().replace(/_/g, '-')}`),
      ...[...JSON_TYPES].map((t) => `schema.type-${t}`),
      ...[...FS_CODES].map((c) => `fs.${c.toLowerCase()}`),
      ...allRuleMeta().map((r) => `rule.${r.id}.description`),
      ...['supports', 'contradicts', 'unrelated'].map((k) => `registry.test-kind-${k}`),
      ...['error', 'warning', 'info'].map((s) => `label.severity.${s}`),
      ...['position', 'severity', 'rule', 'claim'].map((s) => `label.html.sort-${s}`),
    ];
    expect(built.length).toBeGreaterThan(45);
    expect(built.filter((id) => !hasMessage(id))).toEqual([]);
  });

  it('the English rule descriptions are the rules’ own', () => {
    for (const r of allRuleMeta()) expect(render('en', msg(`rule.${r.id}.description`))).toBe(r.description);
  });
});

describe('locale', () => {
  it('is Chinese when the environment says so, in POSIX order', () => {
    expect(environmentLocale({ LANG: 'zh_CN.UTF-8' })).toBe('zh');
    expect(environmentLocale({ LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(environmentLocale({ LC_ALL: '', LC_MESSAGES: 'zh_CN', LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(environmentLocale({ LC_ALL: 'C.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(environmentLocale({ LANG: 'zhx' })).toBe('en');
    expect(environmentLocale({})).toBe('en');
  });

  it('--locale beats config, config beats the environment', () => {
    expect(resolveLocale('en', 'zh', { LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(resolveLocale(undefined, 'zh', { LANG: 'en_US.UTF-8' })).toBe('zh');
    expect(resolveLocale(undefined, undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh');
  });

  it('the tests themselves run in English', () => {
    expect(environmentLocale()).toBe('en');
  });
});
