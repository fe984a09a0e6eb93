// JSON Lines form of a fact record for `claimlint extract --facts`.
import type { FactRecord } from '../types.js';
import type { LineIndex } from '../text/position.js';

/** One fact as a plain object: position of its evidence, key, parts and value. */
export function factJson(fact: FactRecord, lines: LineIndex): Record<string, unknown> {
  const { start, end } = lines.range(fact.evidence.span);
  const q = fact.value.quantity;
  return {
    file: fact.file,
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    key: fact.key,
    label: fact.label,
    attribute: fact.attribute,
    ...(fact.place !== undefined ? { place: fact.place } : {}),
    ...(fact.entity !== undefined ? { entity: fact.entity } : {}),
    qualifiers: fact.qualifiers,
    conditions: fact.conditions,
    value: {
      kind: fact.value.kind,
      norm: fact.value.norm,
      text: fact.value.text,
      ...(q ? { quantity: { kind: q.kind, value: q.value, ...(q.max !== undefined ? { max: q.max } : {}), unit: q.unit, bound: q.bound } } : {}),
    },
    ...(fact.year !== undefined ? { year: fact.year } : {}),
    hedged: fact.hedged,
    ...(fact.lead ? { lead: fact.lead } : {}),
    form: fact.form,
    evidence: fact.evidence.text,
  };
}
