import type { ClaimRecord, Severity, Verdict } from '../types.js';
import type { CompiledClaim, Registry } from '../registry/types.js';
import { list, msg, type Message } from '../i18n/message.js';

/**
 * Decides a record against its registry entry, in the spirit of FEVER's
 * SUPPORTS / REFUTES / NOT ENOUGH INFO, and — for a contradiction — how sure
 * the reading is. This is the precision policy, in one place:
 *
 * - error: a plain statement, an answered question or a confirmed rumour,
 *   with no hedge, no limiting condition, about the present, on an entry of
 *   high confidence;
 * - warning: hedged (可能, 部分地区), a rumour passed on, a local figure stated
 *   as if national, an entry below high confidence, a sentence that names no
 *   subject and was read from the claim's trigger and value (binding.unnamed),
 *   or under a condition that narrows the claim's own situation (断缴超过3个月
 *   又退休了的) without being an exception the claim lists;
 * - info: asked and not answered, under a condition the registry does not
 *   list and that names nothing of the claim, about another time (期满后) or
 *   the past (改革前).
 *
 * A non-canonical value under an exception the claim lists (出国定居 →
 * 一次性退还) supports the claim.
 */
export function judge(registry: Registry, record: ClaimRecord): Verdict {
  const compiled = registry.byId.get(record.claimId);
  if (!compiled) return { kind: 'unverifiable', record, reason: `unknown claim ${record.claimId}` };
  const value = compiled.valueByName.get(record.value);
  const canonical = compiled.valueByName.get(compiled.claim.canonical)!;
  if (!value) return { kind: 'unverifiable', record, reason: `value ${record.value} is not in the registry` };
  if (value.verdict !== 'supports') {
    const exception = exceptionFor(compiled, record);
    if (exception) return { kind: 'supported', record, reason: `says ${value.label} under the exception ${exception.label}`, exception: exception.id };
  }
  switch (value.verdict) {
    case 'supports':
      return { kind: 'supported', record, reason: `says ${value.label}, as the registry does` };
    case 'local-rule':
      if (record.scope === 'local') return { kind: 'supported', record, reason: `says ${value.label}, a local rule within the national ceiling` };
      return contradicted(compiled, record, `says ${value.label} as if it were the national rule; the registry says ${canonical.label}`, [msg('qualifier.local-rule')]);
    case 'contradicts':
      // 北京的可以提现: a practice reported for one place, not the national rule stated wrongly.
      return contradicted(compiled, record, `says ${value.label}; the registry says ${canonical.label}`, record.scope === 'local' ? [msg('qualifier.local-practice')] : []);
    case 'unverifiable':
      return { kind: 'unverifiable', record, reason: `says ${value.label}, which the registry does not judge` };
  }
}

function exceptionFor(compiled: CompiledClaim, record: ClaimRecord) {
  for (const c of record.conditions) {
    if (c.kind !== 'exception') continue;
    const e = compiled.exceptions.find((x) => x.exception.id === c.exception)?.exception;
    if (e && (!e.values || e.values.includes(record.value))) return e;
  }
  // 特殊情况下可提取 / 只有以下几种情况才可以支取: limited to some cases, on a claim
  // whose registry lists such cases — the sentence points at the exceptions.
  if (record.conditions.some((c) => c.kind === 'limiting')) {
    const e = compiled.exceptions.find((x) => !x.exception.values || x.exception.values.includes(record.value))?.exception;
    if (e) return { ...e, id: 'listed-cases', label: `limited to cases the registry lists (${compiled.exceptions.map((x) => x.exception.label).join('；')})` };
  }
  return undefined;
}

const RANK: Readonly<Record<Severity, number>> = { error: 2, warning: 1, info: 0 };

function contradicted(compiled: CompiledClaim, record: ClaimRecord, reason: string, given: readonly Message[]): Verdict {
  let level: Severity = given.length ? 'warning' : 'error';
  const qualifiers = [...given];
  const lower = (to: Severity, why: Message) => {
    qualifiers.push(why);
    if (RANK[to] < RANK[level]) level = to;
  };
  if (record.framing === 'question') lower('info', msg('qualifier.asked'));
  if (record.framing === 'mention') lower('info', msg('qualifier.named'));
  if (record.framing === 'rumour') lower('warning', msg('qualifier.rumour'));
  // Read from trigger and value in a sentence naming no subject (binding.unnamed): the writer may mean something else.
  if (record.subjectInferred) lower(compiled.unnamed ?? 'warning', msg('qualifier.subject-inferred'));
  for (const c of record.conditions) {
    if (c.kind === 'past') lower('info', msg('qualifier.past', { text: c.text }));
    else if (c.kind === 'time') lower('info', msg('qualifier.time', { text: c.text }));
    // The claim's own situation narrowed (断缴超过3个月又退休了的): a warning, the registry's rule holds there too.
    else if (c.kind === 'condition' && c.narrows) lower('warning', msg('qualifier.condition-narrowed', { text: c.text }));
    else if (c.kind === 'condition') lower('info', msg('qualifier.condition', { text: c.text }));
    else if (c.kind === 'limiting') lower('info', msg('qualifier.limiting', { text: c.text }));
    else if (c.kind === 'contrast') lower('warning', msg('qualifier.contrasted', { text: c.text }));
  }
  if (record.hedges.length) lower('warning', msg('qualifier.hedged', { hedges: list(record.hedges.map((h) => msg('quote.text', { text: h })), 'enum') }));
  if (compiled.claim.confidence !== 'high') lower('warning', msg('qualifier.confidence', { level: msg(`confidence.${compiled.claim.confidence}`) }));
  return { kind: 'contradicted', record, reason, level, qualifiers };
}
