// `claimlint registry suggest`: registry entry skeletons for the facts the
// corpus disagrees on, then for the facts it repeats most that no registry
// claim checks yet. Each skeleton has the subject, context patterns and one
// value per figure seen; a maintainer fills the TODO fields (statement,
// canonical value, effective date, source) and the conflict is settled for the
// whole corpus.
import { createHash } from 'node:crypto';
import { Document, isMap, isSeq, type YAMLMap } from 'yaml';
import type { FactRecord } from '../types.js';
import type { CorpusEntry } from '../kernel/rule.js';
import { displayName, type Gazetteer } from '../region/gazetteer.js';
import type { FactKeys } from './keys.js';
import { factConflicts } from './conflicts.js';
import { escapeRegExp, wordAlternation } from '../text/regex.js';

/** Every placeholder starts with this, so a test (or a script) can find them all. */
export const TODO = 'TODO';

export interface SuggestOptions {
  /** At most this many repeated-fact skeletons (conflicts are all listed). */
  readonly limit: number;
  /** A repeated fact must appear in at least this many files. */
  readonly minFiles: number;
}

export interface Suggestion {
  readonly why: 'conflict' | 'repeated';
  readonly key: string;
  readonly facts: readonly FactRecord[];
  readonly files: number;
  /** 1-based line of a fact's evidence, for the comment above the entry. */
  readonly lineOf: (fact: FactRecord) => number | undefined;
}

/**
 * Facts worth a registry entry: every conflicting key, then the keys repeated
 * in the most files among facts no registry claim judged (no supported or
 * contradicted verdict on their sentence).
 */
export function suggestions(entries: readonly CorpusEntry[], options: SuggestOptions): Suggestion[] {
  const conflicting = new Set(factConflicts(entries).map((s) => s.key));
  const lines = new Map(entries.map((e) => [e.file, e.lines]));
  const lineOf = (f: FactRecord) => lines.get(f.file)?.position(f.evidence.span.start).line;
  const byKey = new Map<string, { facts: FactRecord[]; files: Set<string>; verified: boolean }>();
  for (const e of entries) {
    const judged = new Set(e.verdicts.filter((v) => v.kind !== 'unverifiable').map((v) => v.record.sentence.span.start));
    for (const f of e.facts ?? []) {
      let g = byKey.get(f.key);
      if (!g) {
        g = { facts: [], files: new Set(), verified: false };
        byKey.set(f.key, g);
      }
      g.facts.push(f);
      g.files.add(f.file);
      if (judged.has(f.sentence.span.start)) g.verified = true;
    }
  }
  const out: Suggestion[] = [];
  for (const key of [...conflicting].sort()) {
    const g = byKey.get(key)!;
    out.push({ why: 'conflict', key, facts: g.facts, files: g.files.size, lineOf });
  }
  const repeated = [...byKey.entries()]
    .filter(([key, g]) => !conflicting.has(key) && !g.verified && g.files.size >= options.minFiles)
    .sort(([ka, a], [kb, b]) => b.files.size - a.files.size || b.facts.length - a.facts.length || (ka < kb ? -1 : ka > kb ? 1 : 0))
    .slice(0, options.limit);
  for (const [key, g] of repeated) out.push({ why: 'repeated', key, facts: g.facts, files: g.files.size, lineOf });
  return out;
}

const hash = (s: string): string => createHash('sha1').update(s).digest('hex').slice(0, 6);

interface ValueGroup {
  readonly name: string;
  readonly facts: FactRecord[];
}

/** A registry claim (as plain data) for one suggestion, plus the comment that explains it. */
export function skeleton(s: Suggestion, keys: FactKeys, g: Gazetteer): { claim: Record<string, unknown>; comment: string } {
  const first = s.facts[0]!;
  const attribute = keys.attributes.get(first.attribute)!;
  const groups = new Map<string, ValueGroup>();
  const used = new Set<string>();
  for (const f of s.facts) {
    let vg = groups.get(f.value.norm);
    if (!vg) {
      vg = { name: uniqueName(valueName(f, groups.size + 1), used), facts: [] };
      groups.set(f.value.norm, vg);
    }
    vg.facts.push(f);
  }
  const values: Record<string, unknown> = {};
  for (const vg of groups.values()) values[vg.name] = { label: vg.facts[0]!.value.text, phrases: phrasesFor(vg.facts, keys) };
  if (groups.size < 2) {
    values['other'] = { label: `${TODO}: a value articles get wrong`, phrases: [`${TODO}: a pattern for it`] };
  }

  const context: Record<string, string[]> = {};
  const attributeWords = keys.synonyms.get(`attribute:${attribute.id}`) ?? [];
  const all: string[] = [];
  if (first.entity) all.push(entityPattern(first.entity, first.place, g));
  if (attributeWords.length) all.push(attributeWords.map(escapeRegExp).join('|'));
  if (all.length) context['all'] = all;
  if (!first.entity && first.place) context['any'] = [placePattern(first.place, g)];

  const qualifiers = first.qualifiers.map((q) => {
    const [group, value] = q.split('=') as [string, string];
    return keys.groups.get(group)?.labels.get(value) ?? q;
  });
  const names = [...groups.values()].map((v) => v.name);
  const claim: Record<string, unknown> = {
    id: claimId(first),
    topic: attribute.id,
    subject: first.label,
    statement: `${TODO}: one sentence stating the right value of ${first.label}`,
    canonical: `${TODO}: one of ${names.join(', ')}`,
    scope: first.place ? { region: displayName(g, first.place) } : 'national',
    effective: `${TODO}: YYYY-MM-DD`,
    confidence: 'medium',
    source: { title: `${TODO}: title of the official document` },
    notes:
      `Suggested by claimlint registry suggest (${s.why}): ${s.facts.length} statement${s.facts.length === 1 ? '' : 's'} in ${s.files} article${s.files === 1 ? '' : 's'}.` +
      (qualifiers.length || first.conditions.length
        ? ` The facts are about ${[...qualifiers, ...first.conditions].join('、')}: tighten the context so other cases do not match.`
        : ''),
    context,
    values,
    examples: { supports: [], contradicts: [], unrelated: [] },
  };
  const lines = [`${first.label} — ${s.why === 'conflict' ? 'the corpus disagrees' : `repeated in ${s.files} articles, not checked by the registry`}`];
  for (const vg of groups.values()) {
    lines.push(`  ${vg.name} (${vg.facts[0]!.value.text}): ${vg.facts.length}×`);
    for (const f of vg.facts.slice(0, 3)) {
      const line = s.lineOf(f);
      lines.push(`    ${f.file}${line !== undefined ? `:${line}` : ''}${f.year !== undefined ? ` [${f.year}年]` : ''}: ${f.evidence.text.replace(/\s+/g, ' ')}`);
    }
    if (vg.facts.length > 3) lines.push(`    … ${vg.facts.length - 3} more`);
  }
  return { claim, comment: lines.join('\n') };
}

/** The YAML document for a list of suggestions (a comment when there are none). */
export function suggestionsYaml(list: readonly Suggestion[], keys: FactKeys, g: Gazetteer): string {
  if (list.length === 0) return '# claimlint registry suggest: no conflicting or repeated unverified facts found.\n';
  const built = list.map((s) => skeleton(s, keys, g));
  const doc = new Document({ claims: built.map((b) => b.claim) });
  doc.commentBefore =
    ' Registry entry skeletons from claimlint registry suggest.\n' +
    ` Fill every ${TODO} (statement, canonical value, effective date, source), check the patterns,\n` +
    ' add examples, then move the entries into the registry and run `claimlint registry test`.';
  const claims = doc.get('claims');
  if (isSeq(claims)) {
    claims.items.forEach((item, i) => {
      if (isMap(item)) (item as YAMLMap).commentBefore = ` ${built[i]!.comment.replace(/\n/g, '\n ')}`;
    });
  }
  return doc.toString({ lineWidth: 0 });
}

/** fact.<place or org-hash>.<attribute>[.<qualifier values>][.c-<conditions hash>] — ids must be [a-z0-9.-]. */
function claimId(f: FactRecord): string {
  const parts = ['fact', f.entity ? `org-${hash(f.entity)}` : (f.place ?? 'national'), f.attribute];
  for (const q of f.qualifiers) parts.push(q.split('=')[1]!);
  if (f.conditions.length) parts.push(`c-${hash(f.conditions.join(','))}`);
  return parts.join('.');
}

/** v3176-yuan-month, v16-percent; grades and addresses are numbered (their labels say which is which). */
function valueName(f: FactRecord, nth: number): string {
  const q = f.value.quantity;
  if (q) {
    const n = `${q.value}${q.max !== undefined && q.max !== q.value ? `-${q.max}` : ''}`.replace(/\./g, 'p');
    const unit = q.unit.replace(/\//g, '-').replace(/[^a-z0-9-]/g, '');
    return `v${n}${unit ? `-${unit}` : ''}${q.bound !== 'exact' ? `-${q.bound.toLowerCase()}` : ''}`;
  }
  return `value-${nth}`;
}

function uniqueName(name: string, used: Set<string>): string {
  let n = name;
  for (let i = 2; used.has(n); i++) n = `${name}-${i}`;
  used.add(n);
  return n;
}

/** Patterns matching how the value is written: the number in any width, plus each spelling seen. */
function phrasesFor(facts: readonly FactRecord[], keys: FactKeys): string[] {
  const f = facts[0]!;
  const out = new Set<string>();
  const q = f.value.quantity;
  if (q && q.max === undefined) {
    const number = `(?<![0-9.])${escapeRegExp(String(q.value))}(?:\\.0+)?`;
    if (q.unit === 'percent') out.add(`${number}\\s*[%％]`);
    else if (q.unit.startsWith('yuan')) {
      out.add(`${number}\\s*元`);
      if (q.value >= 10000 && q.value % 1000 === 0) out.add(`(?<![0-9.])${escapeRegExp(String(q.value / 10000))}\\s*万\\s*元`);
    }
  }
  if (f.value.kind === 'grade') {
    out.add((keys.synonyms.get(`grade:${f.value.norm}`) ?? [f.value.text]).map(escapeRegExp).join('|'));
  } else if (f.value.kind === 'address') {
    for (const part of f.value.norm.split(';')) {
      const [road, number] = part.split('#') as [string, string];
      out.add(`${escapeRegExp(road)}\\s*${escapeRegExp(number)}\\s*号`);
    }
  }
  // Spellings the patterns above do not cover yet (三千元, 2千元).
  const compiled = [...out].map((p) => new RegExp(p, 'u'));
  for (const x of facts) if (!compiled.some((re) => re.test(x.value.text))) out.add(escapeRegExp(x.value.text));
  return [...out];
}

/** The place's names as written in articles: 邯郸市 and 邯郸. */
function placePattern(code: string, g: Gazetteer): string {
  const p = g.byCode.get(code);
  if (!p) return escapeRegExp(code);
  const names = new Set([p.name]);
  for (const [surface, senses] of g.lexicon) if (senses.some((s) => s.code === code && !s.weak)) names.add(surface);
  return wordAlternation(names);
}

/** The organisation's name, with its place in any of its spellings (邯郸市中心医院 / 邯郸中心医院). */
function entityPattern(name: string, place: string | undefined, g: Gazetteer): string {
  if (!place) return escapeRegExp(name);
  const names = placePattern(place, g).split('|');
  const lead = names.map((n) => n.replace(/\\/g, '')).find((n) => name.startsWith(n));
  if (!lead) return escapeRegExp(name);
  return `(?:${placePattern(place, g)})${escapeRegExp(name.slice(lead.length))}`;
}
