// `claimlint lsp`: the Language Server Protocol over stdio. The workspace's
// corpus is read once (engine/workspace.ts) and kept up to date from open
// buffers and file-change notifications; after each change every open
// document gets its diagnostics again, since a cross-article conflict can
// appear or go away in a file other than the one edited.

import { basename, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  MessageType,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { BaselineEntry } from '../ci/baseline.js';
import { RunFailure } from '../failure.js';
import { Workspace } from '../engine/workspace.js';
import { formatOfName } from '../engine/discover.js';
import { formatOfLanguage } from '../parse/formats.js';
import { CONFIG_FILE } from '../config/config.js';
import { today, isIsoDate } from '../cli/dates.js';
import { toolVersion } from '../version.js';
import type { Finding } from '../types.js';
import { BaselineStore, DEFAULT_BASELINE } from './baseline-store.js';
import { ADD_TO_BASELINE, codeActions } from './code-actions.js';
import { toDiagnostic } from './diagnostics.js';
import { hoverAt } from './hover.js';
import { isLocale, render, type Locale } from '../i18n/catalogue.js';
import { msg, type Message } from '../i18n/message.js';
import { environmentLocale } from '../i18n/locale.js';
import { localizeFindings } from '../kernel/messages.js';

/** What a client may pass as `initializationOptions` (every field optional). */
export interface ServerOptions {
  /** Reference date for stale-year, YYYY-MM-DD (default: today). */
  readonly asOf?: string;
  /** Config file, relative to the workspace folder (default: the nearest claimlint.config.yaml). */
  readonly config?: string;
  /** Registry file or directory, relative to the workspace folder. */
  readonly registry?: string;
  /** Baseline file, relative to the workspace folder (default: claimlint-baseline.json). */
  readonly baseline?: string;
  /** Message language, zh or en (default: the config's `locale`, else the editor's language, else the environment's). */
  readonly locale?: string;
}


/** Changes typed in quick succession are analysed together, once. */
const SETTLE_MS = 60;

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let root = process.cwd();
  let options: ServerOptions = {};
  let baseline = new BaselineStore(resolve(root, DEFAULT_BASELINE));
  let workspace: Promise<Workspace | undefined> = Promise.resolve(undefined);
  let watchDynamically = false;
  /** Findings last published, by document URI: what hover and code actions answer from. */
  const published = new Map<string, readonly Finding[]>();
  const dirty = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  /** Serialises analysis: a flush never runs while another (or a reload) is under way. */
  let queue: Promise<void> = Promise.resolve();

  let editorLocale: Locale | undefined;
  /** initializationOptions.locale, else the config's, else the editor's, else the environment's. */
  const localeOf = (ws: Workspace): Locale =>
    isLocale(options.locale) ? options.locale : ws.configLocale ?? editorLocale ?? environmentLocale();
  const pathOf = (uri: string): string => (uri.startsWith('file:') ? fileURLToPath(uri) : resolve(root, uri));
  const lintable = (doc: TextDocument) => formatOfName(pathOf(doc.uri)) !== undefined || formatOfLanguage(doc.languageId) !== undefined;

  // window/showMessage, a notification: the request form waits for a reply some clients never send.
  const show = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message });
  /** The language of messages before a workspace (and its config) is loaded: the options', else the editor's, else the environment's. */
  const earlyLocale = (): Locale => (isLocale(options.locale) ? options.locale : editorLocale ?? environmentLocale());
  let current: Workspace | undefined;
  const say = (m: Message) => `claimlint: ${render(current ? localeOf(current) : earlyLocale(), m)}`;
  const failureText = (err: RunFailure) => `claimlint: ${err.messageRef ? render(current ? localeOf(current) : earlyLocale(), err.messageRef) : err.reason}`;
  const report = (err: unknown) => {
    if (err instanceof RunFailure) {
      show(MessageType.Error, failureText(err));
      for (const d of err.detailRefs) connection.console.error(typeof d === 'string' ? d : render(earlyLocale(), d));
    } else {
      connection.console.error(`claimlint: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
  };

  // After a turn of the event loop, so initialize is answered before the registry's examples run.
  const load = (): Promise<Workspace | undefined> =>
    new Promise<void>((done) => setImmediate(done)).then(() => Workspace.load({
      cwd: root,
      asOf: options.asOf ?? today(),
      ...(options.config ? { configPath: options.config } : {}),
      ...(options.registry ? { registryPath: resolve(root, options.registry) } : {}),
    })).then(
      (ws) => {
        current = ws;
        connection.console.log(`claimlint ${toolVersion()}: ${ws.fileCount} files of the corpus read from ${root}`);
        return ws;
      },
      (err: unknown) => {
        report(err);
        return undefined;
      },
    );

  const schedule = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      queue = queue.then(flush, report);
    }, SETTLE_MS);
  };

  const flush = async () => {
    const ws = await workspace;
    const uris = [...dirty];
    dirty.clear();
    if (!ws) return;
    for (const uri of uris) {
      const doc = documents.get(uri);
      if (doc && lintable(doc)) ws.setText(pathOf(uri), doc.getText(), doc.languageId);
    }
    const shown = baseline.fresh(localizeFindings(ws.findings(), localeOf(ws)), (failure) => show(MessageType.Warning, say(msg('lsp.baseline-broken', { reason: failure.messageRef ?? failure.reason }))));
    const byFile = new Map<string, Finding[]>();
    for (const f of shown) {
      const list = byFile.get(f.file);
      if (list) list.push(f);
      else byFile.set(f.file, [f]);
    }
    const uriOf = (file: string) => pathToFileURL(ws.absolute(file)).href;
    for (const doc of documents.all()) {
      if (!lintable(doc)) continue;
      const findings = byFile.get(ws.display(pathOf(doc.uri))) ?? [];
      published.set(doc.uri, findings);
      await connection.sendDiagnostics({ uri: doc.uri, version: doc.version, diagnostics: findings.map((f) => toDiagnostic(f, uriOf)) });
    }
  };

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri;
    // The editor's display language (VS Code sends zh-cn, en…): used when neither the options nor the config set one.
    if (params.locale) editorLocale = /^zh(?:[-_]|$)/i.test(params.locale) ? 'zh' : 'en';
    if (folder?.startsWith('file:')) root = fileURLToPath(folder);
    else if (params.rootPath) root = params.rootPath;
    options = readOptions(params.initializationOptions, (m) => show(MessageType.Warning, say(m)));
    baseline = new BaselineStore(resolve(root, options.baseline ?? DEFAULT_BASELINE));
    watchDynamically = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    workspace = load();
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        executeCommandProvider: { commands: [ADD_TO_BASELINE] },
      },
      serverInfo: { name: 'claimlint', version: toolVersion() },
    };
  });

  connection.onInitialized(() => {
    if (!watchDynamically) return;
    // Clients that cannot be asked still send these when configured to (the VS Code extension's fileEvents).
    void connection.client.register(DidChangeWatchedFilesNotification.type, {
      // Articles; config, registry and lexicon; the baseline (a change to it only needs the diagnostics sent again).
      watchers: [{ globPattern: '**/*.{md,markdown,mdx,txt}' }, { globPattern: '**/*.{yaml,yml}' }, { globPattern: `**/${basename(baseline.path)}` }],
    });
  });

  documents.onDidChangeContent((e) => {
    dirty.add(e.document.uri);
    schedule();
  });
  documents.onDidSave(() => schedule());
  documents.onDidClose((e) => {
    const uri = e.document.uri;
    dirty.delete(uri);
    published.delete(uri);
    queue = queue.then(async () => {
      (await workspace)?.close(pathOf(uri));
    }, report);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
    schedule();
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    queue = queue.then(async () => {
      const ws = await workspace;
      const paths = changes.filter((c) => c.uri.startsWith('file:')).map((c) => ({ path: fileURLToPath(c.uri), type: c.type }));
      const definitions = new Set(ws?.definitionFiles ?? []);
      // The config or the registry changed (or never loaded): read everything again, open buffers included.
      if (!ws || paths.some((c) => definitions.has(c.path) || basename(c.path) === CONFIG_FILE)) {
        workspace = load();
        for (const doc of documents.all()) dirty.add(doc.uri);
      } else {
        if (paths.some((c) => c.type !== FileChangeType.Changed)) await ws.rescan();
        for (const c of paths) if (c.type === FileChangeType.Changed) ws.fileChanged(c.path);
      }
    }, report);
    schedule();
  });

  connection.onHover(async (params) => {
    const ws = await workspace;
    return ws ? hoverAt(published.get(params.textDocument.uri) ?? [], params.position, (id) => ws.claim(id), localeOf(ws)) : null;
  });

  connection.onCodeAction(async (params) => {
    const ws = await workspace;
    const doc = documents.get(params.textDocument.uri);
    if (!ws || !doc) return [];
    const findings = published.get(doc.uri) ?? [];
    return codeActions(doc, findings, params.range, ws.analysis(pathOf(doc.uri)), params.context.diagnostics, ws.display(baseline.path), localeOf(ws));
  });

  connection.onExecuteCommand((params) => {
    if (params.command !== ADD_TO_BASELINE) return;
    const entry = params.arguments?.[0] as BaselineEntry | undefined;
    if (!isEntry(entry)) {
      show(MessageType.Error, say(msg('lsp.add-baseline-needs-finding')));
      return;
    }
    try {
      baseline.add(entry);
    } catch (err) {
      report(err);
    }
    // Every open document: the baseline hides the finding wherever it is shown.
    schedule();
  });

  documents.listen(connection);
  connection.listen();
}

function isEntry(e: unknown): e is BaselineEntry {
  const x = e as Partial<BaselineEntry> | undefined;
  return !!x && typeof x.file === 'string' && typeof x.ruleId === 'string' && typeof x.fingerprint === 'string' && typeof x.line === 'number' && typeof x.excerpt === 'string';
}

/** initializationOptions as the server understands them; anything else is named in a warning and left out. */
function readOptions(raw: unknown, warn: (message: Message) => void): ServerOptions {
  if (raw === undefined || raw === null) return {};
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    warn(msg('lsp.options-not-object'));
    return {};
  }
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (!['asOf', 'config', 'registry', 'baseline', 'locale'].includes(key)) warn(msg('lsp.option-unknown', { key }));
    else if (typeof value !== 'string' || value === '') warn(msg('lsp.option-not-string', { key }));
    else if (key === 'locale' && !isLocale(value)) warn(msg('lsp.option-locale', { value }));
    else if (key === 'asOf' && !isIsoDate(value)) warn(msg('lsp.option-as-of', { value }));
    else out[key] = value;
  }
  return out as ServerOptions;
}
