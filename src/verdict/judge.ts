import type { ClaimRecord, Verdict } from '../types.js';
import type { Registry } from '../registry/types.js';

/**
 * Decides a record against its registry entry, in the spirit of FEVER's
 * SUPPORTS / REFUTES / NOT ENOUGH INFO. Severity is the rules' business.
 */
export function judge(registry: Registry, record: ClaimRecord): Verdict {
  const compiled = registry.byId.get(record.claimId);
  if (!compiled) return { kind: 'unverifiable', record, reason: `unknown claim ${record.claimId}` };
  const value = compiled.valueByName.get(record.value);
  const canonical = compiled.valueByName.get(compiled.claim.canonical)!;
  if (!value) return { kind: 'unverifiable', record, reason: `value ${record.value} is not in the registry` };
  switch (value.verdict) {
    case 'supports':
      return { kind: 'supported', record, reason: `says ${value.label}, as the registry does` };
    case 'contradicts':
      return { kind: 'contradicted', record, reason: `says ${value.label}; the registry says ${canonical.label}` };
    case 'local-rule':
      return { kind: 'supported', record, reason: `says ${value.label}, a local rule within the national ceiling` };
    case 'unverifiable':
      return { kind: 'unverifiable', record, reason: `says ${value.label}, which the registry does not judge` };
  }
}
