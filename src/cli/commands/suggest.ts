import { msg } from '../../i18n/message.js';
import { check, corpusEntries } from '../../engine/run.js';
import { loadFactKeys } from '../../facts/keys.js';
import { suggestions, suggestionsYaml } from '../../facts/registry-suggest.js';
import { loadGazetteer } from '../../region/gazetteer.js';
import { UsageError } from '../errors.js';
import type { Io } from '../output.js';
import { writeReport } from '../output.js';
import { runOptions } from './check.js';

export interface SuggestFlags {
  readonly registry?: string;
  readonly config?: string;
  readonly output?: string;
  readonly asOf?: string;
  readonly limit?: string;
  readonly minFiles?: string;
}

function count(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new UsageError(msg('error.whole-number', { flag, value }));
  return Number(value);
}

/**
 * `claimlint registry suggest`: reads the corpus like `check` does and prints
 * YAML skeletons of registry entries for conflicting facts and for the most
 * repeated facts no registry claim checks.
 */
export async function runSuggest(paths: readonly string[], flags: SuggestFlags, io: Io): Promise<number> {
  const limit = count(flags.limit, 10, '--limit');
  const minFiles = Math.max(1, count(flags.minFiles, 2, '--min-files'));
  const outcome = await check({ ...runOptions(paths, flags, io), facts: true });
  const entries = corpusEntries(outcome.analyses);
  writeReport(io, flags.output, suggestionsYaml(suggestions(entries, { limit, minFiles }), loadFactKeys(), loadGazetteer()));
  return 0;
}
