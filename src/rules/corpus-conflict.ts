import { defineRule } from '../kernel/define-rule.js';
import type { RelatedSpec } from '../kernel/rule.js';
import type { Severity } from '../types.js';
import type { Registry } from '../registry/types.js';
import type { ConflictSide } from '../facts/aggregate.js';
import { claimConflicts, claimGroup, factConflicts, factGroup, type ClaimObservation, type FactObservation } from '../facts/conflicts.js';
import { loadFactKeys } from '../facts/keys.js';
import { list, msg, type Message, type MessageArg } from '../i18n/message.js';

const DEFAULT_MAX_RELATED = 3;

export const corpusConflict = defineRule({
  meta: {
    id: 'corpus-conflict',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'Two places in the corpus (two articles, or two parts of one) state different values for the same fact.',
    docs:
      'Facts are read from sentences and from "key：value" lines: a subject (a place and scheme, or an organisation such as a hospital), ' +
      'an attribute (缴费基数下限, 起付标准, 地址, 医院等级…), qualifiers (单位/个人, 在职/退休, 门诊/住院…) and a value. ' +
      'Facts with the same subject, attribute and qualifiers are the same fact; see data/fact-keys.yaml for the words that make them equal. ' +
      'Registry claims are compared too, but a value the registry rejects is already an error of claim-contradiction, so they are reported here ' +
      'only when neither side is such an error (rare); values the registry does not judge, and local rules, contradict nothing. ' +
      'Not conflicts: different years, different qualifiers (在职 vs 退休), different regions, a range or bound that contains the other value, ' +
      'an approximation (约, 左右) close to the other value, and two readings of one sentence. ' +
      'Each file is reported once per fact, with the other side(s) as related locations. ' +
      'Hedged values and weak attributes give warnings; a sentence that agrees with the registry gives an info. ' +
      'Fix: decide the right value (`claimlint registry suggest` prints a registry entry to settle it for the whole corpus) and correct the other side.',
    schema: {
      type: 'object',
      additionalProperties: false,
      properties: {
        maxRelated: { type: 'integer', minimum: 1, maximum: 50, description: 'Other sides listed per finding (default 3).' },
        registryClaims: { type: 'boolean', description: 'Also report registry claims asserted with conflicting values (default true).' },
        facts: { type: 'boolean', description: 'Report conflicting fact records (default true).' },
      },
    },
  },
  check(context) {
    const maxRelated = typeof context.options['maxRelated'] === 'number' ? context.options['maxRelated'] : DEFAULT_MAX_RELATED;
    if (context.options['facts'] !== false) {
      for (const side of factConflicts(context.entries, maxRelated)) context.report({ file: side.file, key: factGroup(side.key), ...describeFact(side) });
    }
    if (context.options['registryClaims'] !== false) {
      for (const side of claimConflicts(context.entries, context.registry, maxRelated)) {
        context.report({ file: side.file, key: claimGroup(side.key), ...describeClaim(side, context.registry) });
      }
    }
  },
});

/** "elsewhere in this article", "in 2 other articles", or both. */
function where(side: ConflictSide<unknown>): Message {
  const inFile = msg('corpus-conflict.where-file');
  const others = msg('corpus-conflict.where-others', { count: side.otherFiles });
  if (side.inFile > 0 && side.otherFiles > 0) return msg('corpus-conflict.where-both', { inFile, others });
  return side.inFile > 0 ? inFile : others;
}

function more(side: ConflictSide<unknown>): MessageArg {
  return side.total > side.against.length ? msg('corpus-conflict.more', { total: side.total, listed: side.against.length }) : '';
}

function showFact(o: FactObservation): MessageArg {
  return withYear(o.fact.value.text, o.fact.year);
}

function withYear(text: string, year: number | undefined): MessageArg {
  return year !== undefined ? msg('corpus-conflict.value-year', { value: text, year }) : text;
}

/** The other values as text, once each: a year is added only when all its places give the same one. */
function distinctValues(side: ConflictSide<FactObservation>): MessageArg[] {
  const years = new Map<string, { text: string; years: Set<number | undefined> }>();
  for (const v of side.values) {
    const f = v.example.fact;
    const entry = years.get(f.value.norm) ?? { text: f.value.text, years: new Set() };
    entry.years.add(f.year);
    years.set(f.value.norm, entry);
  }
  return [...years.values()].map(({ text, years: ys }) => {
    const [only] = ys;
    return ys.size === 1 ? withYear(text, only) : text;
  });
}

function describeFact(side: ConflictSide<FactObservation>) {
  const fact = side.at.fact;
  const others = distinctValues(side);
  const shown = others.length > 3 ? msg('corpus-conflict.value-more', { values: list(others.slice(0, 3), 'enum') }) : list(others, 'enum');
  const attribute = loadFactKeys().attributes.get(fact.attribute);
  const hedged = fact.hedged || side.against.every((o) => o.fact.hedged);
  const notes: Message[] = [];
  if (hedged) notes.push(msg('corpus-conflict.note-hedged'));
  if (attribute?.weak) notes.push(msg('corpus-conflict.note-weak'));
  const severity: Severity = notes.length ? 'warning' : 'error';
  const related: RelatedSpec[] = side.against.map((o) => ({
    file: o.file,
    span: o.fact.evidence.span,
    excerpt: o.fact.evidence.text,
    message: msg('corpus-conflict.related-value', { value: showFact(o) }),
  }));
  return {
    node: fact.evidence,
    severity,
    messageId: 'corpus-conflict.facts',
    data: {
      label: fact.label,
      here: showFact(side.at),
      others: shown,
      where: where(side),
      more: more(side),
      notes: notes.length ? msg('corpus-conflict.notes', { list: list(notes, 'comma') }) : '',
    },
    related,
  };
}

function describeClaim(side: ConflictSide<ClaimObservation>, registry: Registry) {
  const v = side.at.verdict;
  const r = v.record;
  const compiled = registry.byId.get(r.claimId)!;
  const label = (value: string) => compiled.valueByName.get(value)?.label ?? value;
  const others = [...new Set(side.values.map((o) => label(o.example.verdict.record.value)))];
  const weak = r.hedges.length > 0 || compiled.claim.confidence !== 'high';
  // The side the registry supports is not what needs fixing: tell, don't fail.
  const severity: Severity = v.kind === 'supported' ? 'info' : weak ? 'warning' : 'error';
  const cueStart = r.cue.span.start - r.sentence.span.start;
  const related: RelatedSpec[] = side.against.map((o) => ({
    file: o.file,
    span: o.verdict.record.sentence.span,
    excerpt: o.verdict.record.sentence.text,
    message: msg('corpus-conflict.related-value', { value: label(o.verdict.record.value) }),
  }));
  const agrees = v.kind === 'supported' ? msg('corpus-conflict.agrees') : '';
  return {
    node: r.sentence,
    range: [cueStart, cueStart + r.cue.text.length] as const,
    severity,
    messageId: 'corpus-conflict.claims',
    data: {
      subject: compiled.claim.subject,
      cue: r.cue.text,
      said: label(r.value),
      agrees,
      others: others.length === 1 ? msg('corpus-conflict.claims-one', { value: others[0]! }) : msg('corpus-conflict.claims-many', { values: list(others, 'enum') }),
      where: where(side),
      more: more(side),
    },
    claimId: r.claimId,
    related,
  };
}
