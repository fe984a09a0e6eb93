// A minimal LSP client for tests: starts `claimlint lsp --stdio` as a real
// process and speaks JSON-RPC to it over its stdin and stdout.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type ShowMessageParams,
} from 'vscode-languageserver/node';
import { repoRoot } from './cli.js';

const bin = join(repoRoot, 'bin', 'claimlint.js');

export const uriOf = (dir: string, file: string) => pathToFileURL(join(dir, file)).href;

export class LspClient {
  readonly messages: ShowMessageParams[] = [];
  private readonly waiting: { uri: string; resolve: (p: PublishDiagnosticsParams) => void; test: (p: PublishDiagnosticsParams) => boolean }[] = [];
  private readonly exited: Promise<number | null>;
  stderr = '';

  private constructor(
    private readonly child: ChildProcessWithoutNullStreams,
    readonly connection: ProtocolConnection,
  ) {
    child.stderr.on('data', (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code) => resolve(code)));
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      const i = this.waiting.findIndex((w) => w.uri === p.uri && w.test(p));
      if (i >= 0) this.waiting.splice(i, 1)[0]!.resolve(p);
    });
    connection.onNotification('window/showMessage', (p: ShowMessageParams) => this.messages.push(p));
    // The server registers its file watchers dynamically when the client says it can.
    connection.onRequest('client/registerCapability', () => null);
    connection.listen();
  }

  static start(cwd: string): LspClient {
    const child = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd, stdio: 'pipe' });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    return new LspClient(child, connection);
  }

  async initialize(root: string, initializationOptions: Record<string, unknown> = {}): Promise<InitializeResult> {
    const result = (await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).href,
      workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'test' }],
      capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
      initializationOptions,
    })) as InitializeResult;
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** The next diagnostics published for `uri` that pass `test` (by default: any). Call before the change that causes them. */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true): Promise<Diagnostic[]> {
    return new Promise((resolve) => this.waiting.push({ uri, test, resolve: (p) => resolve(p.diagnostics) }));
  }

  /** Diagnostics for a given document version. */
  diagnosticsOf(uri: string, version: number): Promise<Diagnostic[]> {
    return this.diagnostics(uri, (p) => p.version === version);
  }

  async open(uri: string, text: string, languageId = 'markdown'): Promise<void> {
    await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
  }

  async replace(uri: string, version: number, text: string): Promise<void> {
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async stop(): Promise<number | null> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}
