import { yamlNestingProblem } from './nesting.js';
import { LineCounter, isAlias, isNode, parseDocument, visit, type Document } from 'yaml';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { msg, type Message } from '../i18n/message.js';
import { englishText } from './problem-text.js';

/**
 * A problem in a YAML file (registry, config, data), pointing at file:line:col.
 * `message` is English (the YAML or schema library's own wording where it
 * comes from one); `ref`, when set, is the same problem as a catalogue message
 * (data/messages), which is what a user reads in their language.
 */
export interface YamlProblem {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly message: string;
  readonly ref?: Message;
}

export function formatProblem(p: YamlProblem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message}`;
}

/** The problem as a catalogue message, `file:line:col: text`, rendered in the run's language. */
export function problemRef(p: YamlProblem): Message {
  return msg('problem.at', { file: p.file, line: p.line, column: p.column, text: p.ref ?? p.message });
}

/** A problem at a known place whose text is a catalogue message. */
export function problemOf(file: string, line: number, column: number, ref: Message): YamlProblem {
  return { file, line, column, message: englishText(ref), ref };
}

/**
 * A parsed YAML document that can answer "where is this path?", so every
 * schema or semantic error can name the line the author has to fix.
 */
export class LocatedYaml {
  readonly problems: YamlProblem[] = [];
  readonly value: unknown;
  private readonly doc: Document;
  private readonly lines = new LineCounter();

  constructor(readonly file: string, text: string) {
    const deep = yamlNestingProblem(text);
    if (deep) {
      // Not handed to yaml at all (its recursion would overflow the stack): an empty document and the problem.
      this.doc = parseDocument('', { lineCounter: this.lines });
      const before = text.slice(0, deep.offset);
      const line = before.split(/\r\n|\r|\n/).length;
      const column = deep.offset - Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r'));
      this.problems.push({ file, line, column, message: deep.message, ref: msg('yaml.too-deep', { depth: deep.max }) });
      this.value = undefined;
      return;
    }
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
    for (const err of [...this.doc.errors, ...this.doc.warnings]) {
      const pos = this.lines.linePos(err.pos[0]);
      this.problems.push({ file, line: pos.line, column: pos.col, message: firstLine(err.message), ref: yamlErrorRef(err.code) });
    }
    this.value = this.doc.errors.length > 0 ? undefined : this.toJS(file);
  }

  /** The document's value; an alias bomb (yaml's maxAliasCount) is a problem of the file, not a crash. */
  private toJS(file: string): unknown {
    try {
      return this.doc.toJS();
    } catch (err) {
      const at = firstAlias(this.doc);
      const pos = at === undefined ? { line: 1, col: 1 } : this.lines.linePos(at);
      this.problems.push({ file, line: pos.line, column: pos.col, message: `cannot be read: ${firstLine((err as Error).message)}`, ref: msg('yaml.alias-bomb') });
      return undefined;
    }
  }

  /** Position of the node at `path` (keys and indexes); falls back to the nearest existing parent. */
  locate(path: readonly (string | number)[], key = false): { line: number; column: number } {
    for (let n = path.length; n >= 0; n--) {
      const sub = path.slice(0, n);
      const node = sub.length === 0 ? this.doc.contents : this.doc.getIn(sub, true);
      if (isNode(node) && node.range) {
        if (key && n === path.length && n > 0) {
          const keyPos = this.keyOffset(sub);
          if (keyPos !== undefined) return this.pos(keyPos);
        }
        return this.pos(node.range[0]);
      }
      if (n === path.length && n > 0) {
        // A scalar value was found as a plain JS value (no node): try its key.
        const keyPos = this.keyOffset(sub);
        if (keyPos !== undefined) return this.pos(keyPos);
      }
    }
    return { line: 1, column: 1 };
  }

  /** A problem at `path`: English text, or a catalogue message (then `message` is its English). */
  problemAt(path: readonly (string | number)[], message: string | Message, key = false): YamlProblem {
    const { line, column } = this.locate(path, key);
    if (typeof message === 'string') return { file: this.file, line, column, message };
    return { file: this.file, line, column, message: englishText(message), ref: message };
  }

  /** Turns ajv errors into located problems with plain messages (`value`: the document's value, or a copy with keys left out). */
  schemaProblems(validate: ValidateFunction, value: unknown = this.value): YamlProblem[] {
    if (validate(value)) return [];
    return simplifyAjvErrors(validate.errors ?? []).map((e) => {
      const path = pointerToPath(e.instancePath);
      const ref = schemaErrorRef(e, path);
      if (e.keyword === 'additionalProperties') {
        const extra = (e.params as { additionalProperty: string }).additionalProperty;
        return { ...this.problemAt([...path, extra], `unknown key "${extra}"${where(path)}`, true), ref };
      }
      if (e.keyword === 'required') {
        const missing = (e.params as { missingProperty: string }).missingProperty;
        return { ...this.problemAt(path, `missing required key "${missing}"${where(path)}`), ref };
      }
      if (e.keyword === 'enum') {
        const allowed = (e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
        return { ...this.problemAt(path, `${describe(path)} must be one of ${allowed}`), ref };
      }
      return { ...this.problemAt(path, `${describe(path)} ${e.message ?? 'is invalid'}`), ref };
    });
  }

  private keyOffset(path: readonly (string | number)[]): number | undefined {
    const parent = path.length === 1 ? this.doc.contents : this.doc.getIn(path.slice(0, -1), true);
    const last = path[path.length - 1];
    if (!parent || typeof parent !== 'object' || !('items' in parent)) return undefined;
    for (const item of (parent as { items: unknown[] }).items) {
      const k = (item as { key?: { value?: unknown; range?: [number, number, number] } }).key;
      if (k && k.value === last && k.range) return k.range[0];
    }
    return undefined;
  }

  private pos(offset: number): { line: number; column: number } {
    const p = this.lines.linePos(offset);
    return { line: p.line, column: p.col };
  }
}

/** yaml's error codes (ErrorCode in yaml/dist/errors) as catalogue ids: yaml.bad-indent, yaml.duplicate-key… */
export const YAML_CODES: ReadonlySet<string> = new Set([
  'ALIAS_PROPS', 'BAD_ALIAS', 'BAD_DIRECTIVE', 'BAD_DQ_ESCAPE', 'BAD_INDENT', 'BAD_PROP_ORDER', 'BAD_SCALAR_START',
  'BLOCK_AS_IMPLICIT_KEY', 'BLOCK_IN_FLOW', 'DUPLICATE_KEY', 'IMPOSSIBLE', 'KEY_OVER_1024_CHARS', 'MISSING_CHAR',
  'MULTILINE_IMPLICIT_KEY', 'MULTIPLE_ANCHORS', 'MULTIPLE_DOCS', 'MULTIPLE_TAGS', 'NON_STRING_KEY', 'RESOURCE_EXHAUSTION',
  'TAB_AS_INDENT', 'TAG_RESOLVE_FAILED', 'UNEXPECTED_TOKEN', 'BAD_COLLECTION_TYPE',
]);

function yamlErrorRef(code: string): Message {
  return YAML_CODES.has(code) ? msg(`yaml.${code.toLowerCase().replace(/_/g, '-')}`) : msg('yaml.other', { code });
}

/** The schema value types ajv names (`type` errors), as catalogue ids. */
export const JSON_TYPES: ReadonlySet<string> = new Set(['string', 'number', 'integer', 'boolean', 'array', 'object', 'null']);

/** An ajv error as a catalogue message: the keywords claimlint's schemas use each have one, others a generic one. */
export function schemaErrorRef(e: ErrorObject, path: readonly (string | number)[]): Message {
  const what = path.length === 0 ? msg('schema.document') : msg('schema.path', { path: path.join('.') });
  const at = path.length === 0 ? '' : msg('schema.in', { path: path.join('.') });
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'additionalProperties':
      return msg('schema.unknown-key', { key: String(p.additionalProperty), at });
    case 'required':
      return msg('schema.missing-key', { key: String(p.missingProperty), at });
    case 'enum':
      return msg('schema.enum', { what, allowed: (p.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ') });
    case 'const':
      return msg('schema.const', { what, value: JSON.stringify(p.allowedValue) });
    case 'type': {
      const types = String(p.type).split(',');
      return msg('schema.type', { what, types: { list: types.map((t) => (JSON_TYPES.has(t) ? msg(`schema.type-${t}`) : t)), sep: 'or' } });
    }
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return msg('schema.limit', { what, comparison: String(p.comparison), limit: String(p.limit) });
    case 'minLength':
      return msg('schema.min-length', { what, count: Number(p.limit) });
    case 'maxLength':
      return msg('schema.max-length', { what, count: Number(p.limit) });
    case 'minItems':
      return msg('schema.min-items', { what, count: Number(p.limit) });
    case 'maxItems':
      return msg('schema.max-items', { what, count: Number(p.limit) });
    case 'minProperties':
      return msg('schema.min-properties', { what, count: Number(p.limit) });
    case 'uniqueItems':
      return msg('schema.unique-items', { what, first: Number(p.j) + 1, second: Number(p.i) + 1 });
    case 'pattern':
      return msg('schema.pattern', { what, pattern: String(p.pattern) });
    case 'format':
      return msg('schema.format', { what, format: String(p.format) });
    case 'propertyNames':
      return msg('schema.property-name', { what, name: String(p.propertyName) });
    default:
      return msg('schema.other', { what, keyword: e.keyword });
  }
}

function firstLine(s: string): string {
  return s.split('\n')[0]!.trim();
}

export function pointerToPath(pointer: string): (string | number)[] {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function describe(path: readonly (string | number)[]): string {
  return path.length === 0 ? 'the document' : `"${path.join('.')}"`;
}

function where(path: readonly (string | number)[]): string {
  return path.length === 0 ? '' : ` in "${path.join('.')}"`;
}

/**
 * ajv reports every branch of a oneOf and a cascade of parents; keep the
 * deepest, most specific errors so an author sees one line per real mistake.
 */
function simplifyAjvErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  const specific = errors.filter((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf' && e.keyword !== 'if');
  const seen = new Set<string>();
  const out: ErrorObject[] = [];
  for (const e of specific.length ? specific : errors) {
    const key = `${e.instancePath}|${e.keyword}|${JSON.stringify(e.params)}`;
    if (seen.has(key)) continue;
    // For a oneOf between a const and an object, the const branch's complaint is noise when the value is an object.
    if (e.keyword === 'const' && specific.some((o) => o !== e && o.instancePath.startsWith(e.instancePath) && o.keyword !== 'const')) continue;
    if (e.keyword === 'type' && specific.some((o) => o !== e && o.instancePath === e.instancePath && o.keyword === 'const')) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

/** Offset of the first alias (*name) in the document, where an alias bomb starts to expand. */
function firstAlias(doc: Document): number | undefined {
  let at: number | undefined;
  visit(doc, {
    Alias(_, node) {
      if (isAlias(node) && node.range) at = node.range[0];
      return visit.BREAK;
    },
  });
  return at;
}
