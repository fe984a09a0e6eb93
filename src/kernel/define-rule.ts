// The one shape of a rule: `defineRule({ meta, data?, patterns?, compile?, create })`
// (or `check` for a corpus rule). The kernel does what every rule with data
// needs, so a rule file holds only its check:
//   - loads the rule's data file (data/<data>) once, through the one data
//     loader, against the rule's options schema with every key required (and
//     a `version` allowed);
//   - merges the rule's options from config over it, key by key, after
//     checking them against the same schema;
//   - compiles the merged settings with the rule's `compile`, once per options
//     object (config hands every file the same one), and hands the result to
//     `create`;
//   - checks options at config load: the lists named in `patterns` are regular
//     expressions that compile and cannot backtrack catastrophically, and the
//     whole compiles (meta.checkOptions, unless the rule gives its own).
import { loadDataFile } from '../data-file.js';
import { packagePath } from '../paths.js';
import { compileSchema, schemaErrorsText } from '../schemas.js';
import type { RuleMeta } from '../types.js';
import { buildProblems, patternListProblems, type OptionProblem } from './option-patterns.js';
import type { CorpusContext, CorpusRule, FileRule, RuleContext, RuleHandlers } from './rule.js';

type Options = Readonly<Record<string, unknown>>;

/** A file rule as written: its meta, its data and how to compile it, its check. */
export interface FileRuleSpec<S extends object, C> {
  readonly meta: RuleMeta;
  /** The data file under data/ that gives every option its default (a YAML mapping with the schema's keys). */
  readonly data?: string;
  /** Option keys whose lists are regular-expression sources. */
  readonly patterns?: readonly string[];
  /** Builds what the check needs from the settings (defaults merged with options); run once per options object. */
  compile?(settings: S): C;
  create(context: RuleContext, compiled: C): RuleHandlers;
}

export interface CorpusRuleSpec {
  readonly meta: RuleMeta;
  check(context: CorpusContext): void;
}

/** A file rule made by defineRule: the kernel's FileRule, plus its settings and compiled form for tests and tools. */
export interface DefinedRule<S extends object, C> extends FileRule {
  /** The defaults (the data file) merged with `options`; throws naming the rule when the options are invalid. */
  settings(options?: Options): S;
  /** The compiled settings for `options` (cached per options object). */
  compiled(options?: Options): C;
}

const EMPTY: Options = Object.freeze({});

export function defineRule(spec: CorpusRuleSpec): CorpusRule;
export function defineRule<S extends object = Record<string, never>, C = undefined>(spec: FileRuleSpec<S, C>): DefinedRule<S, C>;
export function defineRule<S extends object, C>(spec: FileRuleSpec<S, C> | CorpusRuleSpec): DefinedRule<S, C> | CorpusRule {
  if ('check' in spec) return { scope: 'corpus', meta: spec.meta, check: (context) => spec.check(context) };
  const { meta } = spec;
  let defaults: S | undefined;
  const compiledCache = new WeakMap<object, C>();

  const defaultsOf = (): S => {
    if (defaults) return defaults;
    if (!spec.data) return (defaults = {} as S);
    if (!meta.schema) throw new Error(`rule ${meta.id}: a data file needs meta.schema`);
    // Checked against the options schema itself (one compiled validator, shared with config), every key required.
    const keys = Object.keys((meta.schema as { properties?: object }).properties ?? {});
    return (defaults = loadDataFile<S>(packagePath('data', spec.data), meta.schema, { display: `data/${spec.data}`, required: keys, omit: ['version'] }));
  };

  const settings = (options: Options = EMPTY): S => {
    // No options (the usual case) need no check; config has checked the ones it read with the same validator.
    if (meta.schema && Object.keys(options).length > 0) {
      const validate = compileSchema(meta.schema);
      if (!validate(options)) throw new Error(`${meta.id} options: ${schemaErrorsText(validate.errors, 'options')}`);
    }
    return { ...defaultsOf(), ...(options as Partial<S>) };
  };

  const build = (options: Options): C => (spec.compile ? spec.compile(settings(options)) : (undefined as C));

  const compiled = (options: Options = EMPTY): C => {
    if (compiledCache.has(options)) return compiledCache.get(options)!;
    const c = build(options);
    compiledCache.set(options, c);
    return c;
  };

  const checkOptions =
    meta.checkOptions ??
    (spec.patterns || spec.compile
      ? (options: Options): OptionProblem[] => {
          const problems = (spec.patterns ?? []).flatMap((key) => patternListProblems(options, key));
          return problems.length ? problems : buildProblems(() => build(options));
        }
      : undefined);

  return {
    scope: 'file',
    meta: checkOptions ? { ...meta, checkOptions } : meta,
    create: (context) => spec.create(context, compiled(context.options)),
    settings,
    compiled,
  };
}
