import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { repoRoot } from './cli.js';

/** A validator for the vendored SARIF 2.1.0 schema (schemas/sarif-2.1.0.json). */
export function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas/sarif-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  // unicodeRegExp: false because the schema's `language` pattern has a stray `]`,
  // an error under the `u` flag (valid, if odd, without it).
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // ajv-formats is not installed: the URI formats are checked with RFC 3986's
  // character set, enough to catch an un-encoded CJK character or space.
  const uriChars = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]+$/;
  ajv.addFormat('uri', { validate: (s: string) => uriChars.test(s) && /^[a-z][a-z0-9+.-]*:/i.test(s) });
  ajv.addFormat('uri-reference', { validate: (s: string) => uriChars.test(s) });
  ajv.addFormat('date-time', { validate: (s: string) => !Number.isNaN(Date.parse(s)) });
  return ajv.compile(schema);
}
