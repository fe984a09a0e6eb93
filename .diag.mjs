import { readFileSync, readdirSync } from 'node:fs';
import { parse } from 'yaml';
const { loadRegistry } = await import('/work/main/dist/src/registry/load.js');
const { loadCues } = await import('/work/main/dist/src/extract/cues.js');
const { extractClaims, claimsAbout } = await import('/work/main/dist/src/extract/claims.js');
const { judge } = await import('/work/main/dist/src/verdict/judge.js');
const reg = loadRegistry('/work/main/claims', '/work/main').registry;
const cues = loadCues();
const cat = {};
const set = process.argv[2] ?? 'dev';
for (const f of readdirSync('/work/main/tests/paraphrases').filter((x) => x.endsWith('.yaml'))) {
  const d = parse(readFileSync('/work/main/tests/paraphrases/' + f, 'utf8'));
  for (const item of d[set].contradicts) {
    const text = item.text;
    const s = { text, span: { start: 0, end: text.length } };
    const recs = extractClaims(reg, cues, s, { unitTitle: '医保问答' }, { file: 'x', unitIndex: 0 }).filter((r) => r.claimId === d.claim);
    const vs = recs.map((r) => judge(reg, r));
    let c;
    if (vs.some((v) => v.kind === 'contradicted' && v.level !== 'info')) c = 'found';
    else if (vs.some((v) => v.kind === 'contradicted')) c = 'info:' + (vs.find((v) => v.kind === 'contradicted').qualifiers ?? []).join('|').slice(0, 40);
    else if (vs.length) c = 'read-other-value';
    else if (claimsAbout(reg, text, { unitTitle: '医保问答' }).some((x) => x.claim.id === d.claim)) c = 'about-no-phrase';
    else c = 'not-about';
    (cat[c.split(':')[0]] ??= []).push(`${d.claim} | ${c} | ${text}`);
  }
}
for (const [k, v] of Object.entries(cat)) console.log(k, v.length);
if (process.argv[3]) for (const l of cat[process.argv[3]] ?? []) console.log('  ', l);
