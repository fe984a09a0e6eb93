import type { Message } from '../i18n/message.js';

// The English text of a catalogue message, for YamlProblem.message.
// The catalogue reads its own files through LocatedYaml, so located.ts cannot
// import the catalogue without an import cycle; the catalogue installs its
// renderer here when it is loaded instead (src/i18n/catalogue.ts). Before that
// — only while the catalogue's own files are being read — a problem's English
// text is its message id.
let english: (m: Message) => string = (m) => m.id;

export function setEnglishRenderer(render: (m: Message) => string): void {
  english = render;
}

export function englishText(m: Message): string {
  return english(m);
}
