// Starts `claimlint lsp --stdio` for the workspace and hands it Markdown and
// plain-text documents. Everything the editor shows comes from the server.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const vscode = require('vscode');
const { LanguageClient } = require('vscode-languageclient/node');

let client;

/** The server command: the setting, else the workspace's own install, else the PATH. */
function serverCommand(folder, setting) {
  if (Array.isArray(setting) && setting.length > 0) return { command: setting[0], args: [...setting.slice(1), 'lsp', '--stdio'] };
  const local = folder && join(folder, 'node_modules', '.bin', process.platform === 'win32' ? 'claimlint.cmd' : 'claimlint');
  return { command: local && existsSync(local) ? local : 'claimlint', args: ['lsp', '--stdio'] };
}

/** Settings the server reads as initializationOptions; empty strings are left out (the server's defaults apply). */
function initializationOptions(settings) {
  const out = {};
  for (const key of ['config', 'registry', 'baseline', 'asOf']) {
    const value = settings.get(key);
    if (typeof value === 'string' && value !== '') out[key] = value;
  }
  return out;
}

function activate(context) {
  const settings = vscode.workspace.getConfiguration('claimlint');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const { command, args } = serverCommand(folder, settings.get('command'));
  // An executable without a transport talks over its stdin and stdout: the arguments carry --stdio themselves.
  const run = { command, args, options: folder ? { cwd: folder } : {} };
  client = new LanguageClient(
    'claimlint',
    'claimlint',
    { run, debug: run },
    {
      documentSelector: [
        { scheme: 'file', language: 'markdown' },
        { scheme: 'file', language: 'mdx' },
        { scheme: 'file', language: 'html' },
        { scheme: 'file', language: 'plaintext' },
        { scheme: 'untitled', language: 'markdown' },
      ],
      initializationOptions: initializationOptions(settings),
      // Articles, the config and the registry changed outside the editor (git pull, another tool).
      synchronize: {
        fileEvents: [
          vscode.workspace.createFileSystemWatcher('**/*.{md,markdown,mdx,html,htm,txt,yaml,yml}'),
          vscode.workspace.createFileSystemWatcher(`**/${settings.get('baseline') || 'claimlint-baseline.json'}`),
        ],
      },
    },
  );
  context.subscriptions.push({ dispose: () => client && client.stop() });
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
