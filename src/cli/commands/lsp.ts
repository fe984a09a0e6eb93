import { createConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver/node';
import { startServer } from '../../lsp/server.js';

/**
 * `claimlint lsp --stdio`: serves until the client sends exit or closes stdin
 * (the protocol library ends the process then). stdout carries only protocol
 * messages, so anything logged goes to the client's log instead.
 */
export function runLsp(): Promise<number> {
  const connection = createConnection(new StreamMessageReader(process.stdin), new StreamMessageWriter(process.stdout));
  console.log = (...args: unknown[]) => connection.console.log(args.map(String).join(' '));
  console.info = console.log;
  console.warn = (...args: unknown[]) => connection.console.warn(args.map(String).join(' '));
  console.error = (...args: unknown[]) => connection.console.error(args.map(String).join(' '));
  // An editor session outlives any one failed request: log it rather than end the server.
  process.on('unhandledRejection', (reason) => connection.console.error(`claimlint: internal error: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`));
  startServer(connection);
  process.stdin.on('end', () => process.exit(0));
  return new Promise(() => {});
}
