// For suites running inside the extension host (Node or web worker) under the code-server harness.
import * as vscode from 'vscode';

/**
 * Asks the harness for a screenshot of the whole workbench, saved as `<screenshots dir>/<name>.png`,
 * and resolves once the file is written. Does nothing when the run has no screenshots folder
 * (no `pmHarness.screenshotDir` user setting: desktop VS Code, or no --screenshots).
 * `name`: letters, digits, `.`, `_` and `-` only.
 */
export async function harnessScreenshot(name: string): Promise<void> {
  if (!/^[\w.-]+$/.test(name)) throw new Error(`screenshot name ${JSON.stringify(name)}: use letters, digits, . _ -`);
  const dir = vscode.workspace.getConfiguration('pmHarness').get<string>('screenshotDir');
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!dir || !folder) return;
  // The workspace's scheme and authority reach the server's disk from both extension hosts.
  const pattern = new vscode.RelativePattern(folder.with({ path: dir }), `${name}.png`);
  const watcher = vscode.workspace.createFileSystemWatcher(pattern);
  try {
    const written = new Promise<void>((resolve) => {
      watcher.onDidCreate(() => resolve());
      watcher.onDidChange(() => resolve());
    });
    // The harness reads this exact line from the extension host's console.
    console.log(`[pm-harness] screenshot ${name}`);
    await written;
  } finally {
    watcher.dispose();
  }
}
