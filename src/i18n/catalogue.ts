// The message catalogues (data/messages/<locale>.yaml): loaded once, checked
// against schemas/messages.schema.json and against each other, so a message
// missing in one language, or a placeholder one language has and the other
// lacks, fails at load time naming the file and the key.

import { readFileSync } from 'node:fs';
import { packagePath } from '../paths.js';
import { schemaText, schemaValidator } from '../schemas.js';
import { snapshotKey, snapshotOr } from '../data-snapshot.js';
import { LocatedYaml, formatProblem, type YamlProblem } from '../yaml/located.js';
import { setEnglishRenderer } from '../yaml/problem-text.js';
import { isMessage, type Message, type MessageArg } from './message.js';

export type Locale = 'en' | 'zh';
export const LOCALES: readonly Locale[] = ['en', 'zh'];

export function isLocale(s: unknown): s is Locale {
  return s === 'en' || s === 'zh';
}

/** One message's text: a plain template, or one/other forms chosen by the placeholder `count`. */
export type Template = string | { readonly one?: string; readonly other: string };

export type Catalogue = ReadonlyMap<string, Template>;

/** A catalogue that cannot be used: every problem, each naming its file (and line) and key. */
export class CatalogueError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid message catalogue: ${problems[0]}`);
  }
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholders a template names, over all its forms. */
export function placeholders(t: Template): Set<string> {
  const forms = typeof t === 'string' ? [t] : [t.one ?? '', t.other];
  const out = new Set<string>();
  for (const f of forms) for (const m of f.matchAll(PLACEHOLDER)) out.add(m[1]!);
  if (typeof t !== 'string') out.add('count');
  return out;
}

interface Loaded {
  readonly file: string;
  readonly doc: LocatedYaml;
  readonly messages: Map<string, Template>;
}

function readOne(file: string, locale: Locale, problems: string[]): Loaded | undefined {
  const display = `data/messages/${locale}.yaml`;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    problems.push(`${display}: cannot be read: ${(err as Error).message}`);
    return undefined;
  }
  const doc = new LocatedYaml(display, text);
  const found: YamlProblem[] = [...doc.problems];
  if (!found.length) found.push(...doc.schemaProblems(schemaValidator('messages.schema.json')));
  const value = doc.value as { locale?: string; messages?: Record<string, Template> } | undefined;
  if (!found.length && value?.locale !== locale) found.push(doc.problemAt(['locale'], `locale must be "${locale}", the file's name`));
  problems.push(...found.map(formatProblem));
  if (found.length) return undefined;
  return { file: display, doc, messages: new Map(Object.entries(value!.messages!)) };
}

/**
 * Reads and cross-checks catalogues. `files`: a path per locale (tests give
 * broken copies); default the bundled ones.
 */
export function loadCatalogues(files?: Partial<Record<Locale, string>>): ReadonlyMap<Locale, Catalogue> {
  if (files && Object.keys(files).length) return checkedCatalogues(files);
  // The bundled catalogues as the build read and cross-checked them, while both files are unchanged (src/data-snapshot.ts).
  let key: string | undefined;
  try {
    key = snapshotKey(['catalogues', ...LOCALES.flatMap((l) => [l, readFileSync(packagePath('data', 'messages', `${l}.yaml`))]), schemaText('messages.schema.json')]);
  } catch {
    // Unreadable: checkedCatalogues reports it.
  }
  if (key === undefined) return checkedCatalogues();
  const plain = snapshotOr('data/messages', key, () => Object.fromEntries([...checkedCatalogues()].map(([l, c]) => [l, Object.fromEntries(c)])));
  if (!LOCALES.every((l) => plain[l] && typeof plain[l] === 'object')) return checkedCatalogues();
  return new Map(LOCALES.map((l) => [l, new Map(Object.entries(plain[l]!))]));
}

function checkedCatalogues(files?: Partial<Record<Locale, string>>): ReadonlyMap<Locale, Catalogue> {
  const problems: string[] = [];
  const loaded = new Map<Locale, Loaded>();
  for (const locale of LOCALES) {
    const l = readOne(files?.[locale] ?? packagePath('data', 'messages', `${locale}.yaml`), locale, problems);
    if (l) loaded.set(locale, l);
  }
  if (!problems.length) {
    const all = new Set<string>();
    for (const l of loaded.values()) for (const k of l.messages.keys()) all.add(k);
    for (const key of [...all].sort()) {
      const having = [...loaded.values()].filter((l) => l.messages.has(key));
      for (const l of loaded.values()) {
        if (!l.messages.has(key)) problems.push(`${l.file}: missing message "${key}" (it is in ${having.map((h) => h.file).join(', ')})`);
      }
      if (having.length !== loaded.size) continue;
      // The same placeholders in every language: a rule passes one set of arguments.
      const [first, ...rest] = having;
      const want = placeholders(first!.messages.get(key)!);
      for (const l of rest) {
        const got = placeholders(l.messages.get(key)!);
        const differ = [...want].filter((p) => !got.has(p)).concat([...got].filter((p) => !want.has(p)));
        if (differ.length) {
          const at = l.doc.locate(['messages', key]);
          problems.push(`${l.file}:${at.line}:${at.column}: message "${key}" has placeholders {${[...got].sort().join('}, {')}} but ${first!.file} has {${[...want].sort().join('}, {')}}`);
        }
      }
    }
  }
  if (problems.length) throw new CatalogueError(problems);
  return new Map([...loaded].map(([k, v]) => [k, v.messages]));
}

let bundled: ReadonlyMap<Locale, Catalogue> | undefined;
/** True while the bundled catalogues are read: a problem in them cannot be rendered through them. */
let loadingBundled = false;

function catalogue(locale: Locale): Catalogue {
  if (!bundled) {
    loadingBundled = true;
    try {
      bundled = loadCatalogues();
    } finally {
      loadingBundled = false;
    }
  }
  return bundled.get(locale)!;
}

// YAML problems (src/yaml/located.ts) carry their English text; it comes from here.
setEnglishRenderer((m) => (loadingBundled ? m.id : render('en', m)));

/** Whether the bundled catalogues have this id (tests check every id the code uses). */
export function hasMessage(id: string): boolean {
  return catalogue('en').has(id);
}

/** Renders a message in `locale`. An unknown id or a missing argument is a programming error: it throws. */
export function render(locale: Locale, m: Message): string {
  const cat = catalogue(locale);
  const t = cat.get(m.id);
  if (t === undefined) throw new Error(`no message "${m.id}" in data/messages/${locale}.yaml`);
  const data = m.data ?? {};
  const form = typeof t === 'string' ? t : data.count === 1 && t.one !== undefined ? t.one : t.other;
  return form.replace(PLACEHOLDER, (_, name: string) => {
    const v = data[name];
    if (v === undefined) throw new Error(`message "${m.id}": no value for {${name}}`);
    return arg(locale, v);
  });
}

function arg(locale: Locale, v: MessageArg): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (isMessage(v)) return render(locale, v);
  return v.list.map((x) => arg(locale, x)).join(render(locale, { id: `sep.${v.sep}` }));
}

/** The raw template of `id` in `locale`, placeholders unfilled (the HTML report's script fills them in the page). */
export function template(locale: Locale, id: string): Template {
  const t = catalogue(locale).get(id);
  if (t === undefined) throw new Error(`no message "${id}" in data/messages/${locale}.yaml`);
  return t;
}

/** A shorthand for formatters: the label `id` in `locale`. */
export function label(locale: Locale, id: string, data?: Message['data']): string {
  return render(locale, data ? { id, data } : { id });
}
