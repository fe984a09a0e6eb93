// Findings count lines and UTF-16 columns from 1 (SARIF's convention); LSP
// counts both from 0 with the same UTF-16 units, so a finding maps to a range
// by subtracting one, and no text needs to be re-measured.

import type { Position, Range } from 'vscode-languageserver/node';
import type { Finding, RelatedLocation } from '../types.js';

export function rangeOf(f: Pick<Finding | RelatedLocation, 'line' | 'column' | 'endLine' | 'endColumn'>): Range {
  return {
    start: { line: f.line - 1, character: f.column - 1 },
    end: { line: f.endLine - 1, character: f.endColumn - 1 },
  };
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The position lies within the range (both ends included: the cursor just after a word still hovers it). */
export function contains(range: Range, p: Position): boolean {
  return !before(p, range.start) && !before(range.end, p);
}

/** Two ranges share at least one position. */
export function overlaps(a: Range, b: Range): boolean {
  return !before(a.end, b.start) && !before(b.end, a.start);
}
