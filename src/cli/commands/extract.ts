import { render } from '../../i18n/catalogue.js';
import { check } from '../../engine/run.js';
import type { Io } from '../output.js';
import { writeReport } from '../output.js';
import { runOptions } from './check.js';
import { factJson } from '../../facts/serialize.js';

export interface ExtractFlags {
  readonly registry?: string;
  readonly config?: string;
  readonly output?: string;
  readonly asOf?: string;
  /** Print fact records instead of claim records. */
  readonly facts?: boolean;
}

/** `claimlint extract`: one JSON object per claim record (or, with --facts, per fact record), in file and position order. */
export async function runExtract(paths: readonly string[], flags: ExtractFlags, io: Io): Promise<number> {
  // Each record's clause is cut from its file's text: the articles are kept past the file stage.
  const outcome = await check({ ...runOptions(paths, flags, io), keepArticles: true, facts: true });
  const lines: string[] = [];
  for (const a of outcome.analyses) {
    if (!a.lines) continue;
    if (flags.facts) {
      for (const f of a.facts) lines.push(JSON.stringify(factJson(f, a.lines)));
      continue;
    }
    for (const v of a.verdicts) {
      const r = v.record;
      const s = a.lines.position(r.sentence.span.start);
      const e = a.lines.position(r.sentence.span.end);
      lines.push(
        JSON.stringify({
          file: r.file,
          line: s.line,
          column: s.column,
          endLine: e.line,
          endColumn: e.column,
          claimId: r.claimId,
          topic: r.topic,
          value: r.value,
          polarity: r.polarity,
          verdict: v.kind,
          cue: r.cue.text,
          quantities: r.quantities.map(({ span: _s, ...q }) => q),
          hedges: r.hedges,
          framing: r.framing,
          ...(v.level ? { level: v.level } : {}),
          ...(v.qualifiers?.length ? { qualifiers: v.qualifiers.map((q) => render('en', q)) } : {}),
          ...(v.exception ? { exception: v.exception } : {}),
          clause: a.article ? a.article.file.text.slice(r.clause.start, r.clause.end) : undefined,
          ...(r.subject ? { subject: r.subject } : {}),
          ...(r.subjectInferred ? { subjectInferred: true } : {}),
          ...(r.modality ? { modality: r.modality } : {}),
          ...(r.conditions.length ? { conditions: r.conditions } : {}),
          ...(r.scope ? { scope: r.scope } : {}),
          ...(r.region ? { region: r.region } : {}),
          ...(r.year ? { year: r.year } : {}),
          sentence: r.sentence.text,
        }),
      );
    }
  }
  writeReport(io, flags.output, lines.length ? `${lines.join('\n')}\n` : '');
  return 0;
}
