// Build step (after tsc): every bundled data file read, parsed and checked
// once, as a run reads it, and what each loader returned written to
// dist/data-snapshot.json (src/data-snapshot.ts: a run takes a stored value
// only while the file and its schema are the bytes the build read).
import { writeFileSync } from 'node:fs';
import { DATA_SNAPSHOT_PATH, recordedSnapshot, startRecording } from '../src/data-snapshot.js';
import { loadCatalogues } from '../src/i18n/catalogue.js';
import { loadCues } from '../src/extract/cues.js';
import { loadFactKeys } from '../src/facts/keys.js';
import { loadGazetteer } from '../src/region/gazetteer.js';
import { loadPageStructure } from '../src/parse/index.js';
import { rules } from '../src/rules/index.js';

startRecording();
loadCatalogues();
loadCues();
loadFactKeys();
loadGazetteer();
loadPageStructure();
for (const rule of rules) if ('settings' in rule && typeof rule.settings === 'function') (rule.settings as () => unknown)();
const { text, names } = recordedSnapshot();
writeFileSync(DATA_SNAPSHOT_PATH, text);
console.log(`data snapshot written to dist/data-snapshot.json (${names.join(', ')})`);
