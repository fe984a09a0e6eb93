// The import rules of src/, checked in `npm test` (tests/layers.test.ts):
// no import cycles, and no import from a lower layer into a higher one.
// A layer may import from itself and from any layer below it. To place a new
// folder, add it to the layer whose modules it needs at most.
/** @type {string[][]} lowest first; each entry a path regex under src/ */
const LAYERS = [
  // base: types, paths, errors, version, schemas, YAML, text utilities, messages
  ['^src/(types|paths|arrays|fs-errors|version|failure|schemas|data-file|data-snapshot|sealed-file)[.]ts$', '^src/(yaml|text|i18n)/'],
  // data: the gazetteer and the registry
  ['^src/(region|registry)/'],
  // the rule kernel (contexts, findings, suppression directives) and the parsers that read directives
  ['^src/(kernel|parse)/'],
  // reading: claims, facts, verdicts
  ['^src/(extract|facts|verdict|stale)/'],
  // rules
  ['^src/rules/'],
  // the run: config, discovery, stages, cache, self-test
  ['^src/(engine|config)/'],
  // what a run's results are turned into: reports, baselines, CI narrowing
  ['^src/(formatters|ci)/'],
  // entry points: command line, Node API, language server, package entries
  ['^src/(cli|api|lsp|boot)/', '^src/(index|remark)[.]ts$'],
];

const NAMES = ['base', 'data', 'kernel', 'reading', 'rules', 'run', 'report', 'entry'];

const upward = LAYERS.slice(0, -1).map((paths, i) => ({
  name: `no-upward-from-${NAMES[i]}`,
  comment: `The ${NAMES[i]} layer must not import from a layer above it (${NAMES.slice(i + 1).join(', ')}).`,
  severity: 'error',
  from: { path: paths },
  to: { path: LAYERS.slice(i + 1).flat() },
}));

/** @type {import('dependency-cruiser').IConfiguration} */
const config = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'Modules that import each other (also through type-only imports) cannot be read or moved one at a time.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    ...upward,
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    includeOnly: '^src/',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },

};
module.exports = config;
