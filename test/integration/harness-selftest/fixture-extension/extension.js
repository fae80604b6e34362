// Harness self-test fixture: plain CommonJS without Node built-ins, so the same file is the
// Node `main` and the web-worker `browser` entry. It shows where it runs in the status bar.
// VS Code loads an extension entry as CommonJS, and this one is used unbundled.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const vscode = require('vscode');

function activate(context) {
  const host = typeof globalThis.importScripts === 'function' ? 'webworker' : 'node';
  const item = vscode.window.createStatusBarItem('harnessSelftest.host', vscode.StatusBarAlignment.Left, 100);
  item.text = `$(beaker) Selftest on ${host}`;
  item.show();
  context.subscriptions.push(item, vscode.commands.registerCommand('harnessSelftest.hello', () => {
    vscode.window.showInformationMessage(`Hello from the ${host} host`);
    return `hello from ${host}`;
  }));
  // A tree view with a badge, like the action-items view, for the UI check's view and badge helpers.
  const items = ['first item', 'second item'];
  const view = vscode.window.createTreeView('harnessSelftest.items', {
    treeDataProvider: { getChildren: () => items, getTreeItem: (label) => new vscode.TreeItem(label) },
  });
  view.badge = { value: items.length, tooltip: `${items.length} items` };
  context.subscriptions.push(view);
  return { host };
}

module.exports = { activate };
