// Tests run the TypeScript sources, where a parser not loaded ahead cannot be
// required synchronously (src/parse/formats.ts loads parsers lazily, per
// format, for a run's start-up). Tests that call parseArticle directly get
// every parser loaded before they start; runs load their own as always.
import { INPUT_FORMATS, loadParsers } from '../../src/parse/formats.js';

await loadParsers(INPUT_FORMATS.map((f) => f.id));
