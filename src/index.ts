// The package entry (`import { lintText } from 'claimlint'`): the Node API and
// the types it speaks in. Everything else under src/ is internal.

export { lintText, lintFiles, loadRegistry, TEXT_NAME } from './api/lint.js';
export type { LintOptions, LintTextOptions, LintFilesOptions, LoadRegistryOptions } from './api/lint.js';
export { format, formatters, formatNames } from './api/format.js';
export type { FormatName, FormatOptions, ReportFormatter } from './api/format.js';
export { RunFailure } from './failure.js';
export type { JsonReport as LintReport, JsonFinding as LintFinding, JsonRelated as LintRelatedLocation } from './formatters/json.js';
export type { Registry } from './registry/types.js';
export type { Severity } from './types.js';
