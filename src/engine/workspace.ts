// A corpus kept in memory for an editor: every file is read and analysed once,
// then only the file that changed is analysed again (an open buffer's text
// taking the place of the file on disk) and the corpus stage is rerun over all
// of them, so a cross-article conflict appears as the editor types.

import { resolve } from 'node:path';
import type { Finding } from '../types.js';
import type { CanonicalClaim } from '../registry/types.js';
import { analyzeFile, type FileAnalysis } from './analyze.js';
import { discover, displayPath, formatOfName, type DiscoveredFile } from './discover.js';
import { formatOfLanguage, INPUT_FORMATS, loadParsers } from '../parse/formats.js';
import { corpusStage, readBytes, setup, type RunOptions, type Setup } from './run.js';
import type { Locale } from '../i18n/catalogue.js';

export type WorkspaceOptions = Pick<RunOptions, 'cwd' | 'configPath' | 'registryPath' | 'asOf'>;

export class Workspace {
  /** The config's corpus on disk, by absolute path. */
  private corpus = new Map<string, DiscoveredFile>();
  /** Open buffers, by absolute path: their text replaces the file's. */
  private readonly buffers = new Map<string, { readonly file: DiscoveredFile; text: string }>();
  private readonly analyses = new Map<string, FileAnalysis>();
  private findingsMemo: readonly Finding[] | undefined;

  private constructor(
    readonly cwd: string,
    private readonly prepared: Setup,
  ) {}

  /** Reads the config and registry (a RunFailure when either is bad) and analyses the corpus. */
  static async load(options: WorkspaceOptions): Promise<Workspace> {
    const ws = new Workspace(options.cwd, setup(options));
    // An editor may open a document of any format: every parser is loaded up front.
    await loadParsers(INPUT_FORMATS.map((f) => f.id));
    await ws.rescan();
    return ws;
  }

  /** Files the registry, its lexicon and the config were read from: a change to one means loading again. */
  get definitionFiles(): readonly string[] {
    const { config, registry } = this.prepared;
    const files = [...registry.files, registry.lexicon.file, config.file, config.cues, config.pageStructure];
    return files.filter((f): f is string => !!f).map((f) => resolve(this.cwd, f));
  }

  /** Discovers the corpus again (files created or deleted): new files are analysed, gone ones dropped. */
  async rescan(): Promise<void> {
    const found = await discover([], this.prepared.config, this.cwd);
    const next = new Map(found.files.map((f) => [f.absolute, f]));
    for (const abs of this.corpus.keys()) if (!next.has(abs) && !this.buffers.has(abs)) this.drop(abs);
    const previous = this.corpus;
    this.corpus = next;
    for (const [abs, file] of next) if (!previous.has(abs) && !this.buffers.has(abs)) this.analyseDisk(file);
  }

  /** An editor's text for a file (open or changed): analysed in place of what is on disk. */
  setText(path: string, text: string, languageId?: string): void {
    const abs = resolve(this.cwd, path);
    const buffer = this.buffers.get(abs);
    const file = buffer?.file ?? this.corpus.get(abs) ?? this.fileOf(abs, languageId);
    if (buffer) buffer.text = text;
    else this.buffers.set(abs, { file, text });
    this.analyses.set(abs, analyzeFile(file, Buffer.from(text, 'utf8'), this.prepared.services));
    this.findingsMemo = undefined;
  }

  /** The editor closed the file: the corpus has the file on disk again, or no longer has it. */
  close(path: string): void {
    const abs = resolve(this.cwd, path);
    if (!this.buffers.delete(abs)) return;
    const file = this.corpus.get(abs);
    if (file) this.analyseDisk(file);
    else this.drop(abs);
  }

  /** A file changed on disk: read it again unless an editor buffer stands for it. */
  fileChanged(path: string): void {
    const abs = resolve(this.cwd, path);
    const file = this.corpus.get(abs);
    if (file && !this.buffers.has(abs)) this.analyseDisk(file);
  }

  isOpen(path: string): boolean {
    return this.buffers.has(resolve(this.cwd, path));
  }

  /** The path a finding's file (relative to cwd) names. */
  absolute(display: string): string {
    return resolve(this.cwd, display);
  }

  display(path: string): string {
    return displayPath(this.cwd, resolve(this.cwd, path));
  }

  /** Every finding of the corpus and the open buffers, suppressions applied, sorted. */
  findings(): readonly Finding[] {
    if (!this.findingsMemo) {
      const analyses = [...this.analyses.values()].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
      this.findingsMemo = corpusStage(analyses, this.prepared.config, this.prepared.registry, this.prepared.services);
    }
    return this.findingsMemo;
  }

  /** The analysis of an open or corpus file (its article, for positions and ignored spans). */
  analysis(path: string): FileAnalysis | undefined {
    return this.analyses.get(resolve(this.cwd, path));
  }

  claim(id: string): CanonicalClaim | undefined {
    return this.prepared.registry.byId.get(id)?.claim;
  }

  /** The config's `locale`, when it sets one (the language server's messages follow it). */
  get configLocale(): Locale | undefined {
    return this.prepared.config.locale;
  }

  get fileCount(): number {
    return this.analyses.size;
  }

  private fileOf(abs: string, languageId: string | undefined): DiscoveredFile {
    const format = formatOfName(abs) ?? (languageId !== undefined ? formatOfLanguage(languageId) : undefined) ?? 'markdown';
    return { absolute: abs, display: displayPath(this.cwd, abs), format };
  }

  private analyseDisk(file: DiscoveredFile): void {
    this.analyses.set(file.absolute, analyzeFile(file, readBytes(file, this.prepared.config.maxFileBytes), this.prepared.services));
    this.findingsMemo = undefined;
  }

  private drop(abs: string): void {
    this.analyses.delete(abs);
    this.findingsMemo = undefined;
  }
}
