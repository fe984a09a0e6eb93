// Issue 9 (found by the fuzz tests): front matter nested 3,000 levels deep
// (`- - - - …`) overflowed yaml's stack at a place that changed from run to run,
// so the same file gave different reports. Nesting is measured first and refused
// at a fixed place, in front matter and in every YAML file claimlint reads.
import { render } from '../../src/i18n/catalogue.js';
import { describe, expect, it } from 'vitest';
import { MAX_YAML_DEPTH, yamlNestingProblem } from '../../src/yaml/nesting.js';
import { LocatedYaml } from '../../src/yaml/located.js';
import { parseArticle } from '../../src/parse/index.js';
import { loadPageStructure } from '../../src/parse/index.js';

describe('yamlNestingProblem', () => {
  it('passes ordinary documents, nested or not', () => {
    expect(yamlNestingProblem('title: 医保\ntags: [a, b]\nregion: { name: 南昌 }\n')).toBeUndefined();
    expect(yamlNestingProblem('claims:\n  - id: x\n    values:\n      a: { phrases: [\'[不没]\', "{2,3}"] }\n')).toBeUndefined();
    // Brackets inside quotes and comments do not count; an apostrophe in plain text is not a quote.
    expect(yamlNestingProblem(`a: "${'['.repeat(500)}"\nb: '${'{'.repeat(500)}'\n# ${'['.repeat(500)}\nc: it's ${'x'.repeat(10)}\n`)).toBeUndefined();
  });

  it('finds block and flow nesting past the limit, at the character that passes it', () => {
    const dashes = `${'- '.repeat(MAX_YAML_DEPTH + 5)}x`;
    // The 101st "- " starts at offset 200.
    expect(yamlNestingProblem(dashes)).toEqual({ offset: 2 * MAX_YAML_DEPTH, max: MAX_YAML_DEPTH, message: `nested more than ${MAX_YAML_DEPTH} levels deep; not read` });
    expect(yamlNestingProblem(`k: ${'['.repeat(MAX_YAML_DEPTH + 1)}`)?.offset).toBe(3 + MAX_YAML_DEPTH);
    expect(yamlNestingProblem(`k: ${'['.repeat(MAX_YAML_DEPTH)}${']'.repeat(MAX_YAML_DEPTH)}`)).toBeUndefined();
  });
});

describe('deep nesting in YAML', () => {
  const deep = `${'- '.repeat(3000)}x`;

  it('in front matter: a warning at a fixed place, the same every time, and the body is still read', () => {
    const text = `---\n${deep}\n---\n\n# 标题\n\n个人账户余额不会清零。\n`;
    const read = () => parseArticle({ path: 'a.md', text, encoding: 'utf-8', format: 'markdown' }, loadPageStructure());
    const first = read();
    // Line 2 of the file, the 101st "- " at column 201.
    expect(first.problems.map((p) => `${p.line}:${p.column} ${render('en', p.message)}`)).toEqual([`2:201 malformed front matter (ignored): nested more than ${MAX_YAML_DEPTH} levels deep; not read`]);
    for (let k = 0; k < 5; k++) expect(read().problems).toEqual(first.problems);
    expect(first.article.sentences.some((s) => s.text === '个人账户余额不会清零。')).toBe(true);
  });

  it('in a config or registry file: one problem at file:line:col, no stack overflow', () => {
    const doc = new LocatedYaml('claimlint.config.yaml', `corpus:\n  - ${'['.repeat(5000)}\n`);
    expect(doc.value).toBeUndefined();
    // Two spaces and a dash count three levels (an upper bound), so the 98th bracket passes 100: column 4 + 98.
    expect(doc.problems).toEqual([
      {
        file: 'claimlint.config.yaml', line: 2, column: 102, message: `nested more than ${MAX_YAML_DEPTH} levels deep; not read`,
        // The same problem as a catalogue message, for the run's language.
        ref: { id: 'yaml.too-deep', data: { depth: MAX_YAML_DEPTH } },
      },
    ]);
  });
});
