// Starts code-server (a real VS Code 1.100.3 server) on a free 127.0.0.1 port with throw-away
// user-data, extensions, TMPDIR and XDG folders, and stops it with its whole process tree.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const harnessDir = dirname(fileURLToPath(import.meta.url));
export const codeServerBin = process.env.PM_CODE_SERVER ?? join(harnessDir, 'node_modules', '.bin', 'code-server');

/** Settings that keep a test workbench quiet and offline. */
export const defaultUserSettings = {
  'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'update.mode': 'none',
  'git.enabled': false,
  'workbench.tips.enabled': false,
  'security.workspace.trust.enabled': false,
};

const startTimeoutMs = 60_000;

export class HarnessError extends Error {}

/** A scratch folder tree for one run; `remove()` deletes it. */
export function makeScratch(prefix = 'pm-vscode-') {
  const root = mkdtempSync(join(tmpdir(), prefix));
  const dirs = {};
  for (const name of ['user-data', 'extensions', 'tmp', 'xdg-config', 'xdg-data', 'xdg-cache', 'xdg-state', 'xdg-runtime', 'chromium']) {
    dirs[name] = join(root, name);
    mkdirSync(dirs[name], { recursive: true, mode: 0o700 });
  }
  return {
    root,
    dirs,
    remove: () => {
      try {
        rmSync(root, { recursive: true, force: true, maxRetries: 3 });
      } catch (error) {
        console.warn(`[vscode harness] could not remove the scratch folder ${root}: ${error.message}`);
      }
    },
  };
}

/**
 * @param {object} options
 * @param {ReturnType<typeof makeScratch>} options.scratch
 * @param {Record<string, unknown>} [options.settings] user settings merged over the defaults
 * @param {Record<string, string>} [options.env] extra environment (reaches the Node extension host)
 * @param {string} [options.logLevel] code-server --log level (trace shows where extensions run)
 * @param {(line: string) => void} [options.onOutput] every line code-server prints
 */
export async function startCodeServer({ scratch, settings = {}, env = {}, logLevel = 'info', onOutput = () => {} }) {
  if (!existsSync(codeServerBin)) {
    throw new HarnessError(`code-server is not installed (${codeServerBin} missing): run \`bash test/vscode-harness/install.sh\``);
  }
  const userSettingsDir = join(scratch.dirs['user-data'], 'User');
  mkdirSync(userSettingsDir, { recursive: true });
  writeFileSync(join(userSettingsDir, 'settings.json'), JSON.stringify({ ...defaultUserSettings, ...settings }, null, 2));

  const child = spawn(codeServerBin, [
    '--auth', 'none',
    // 127.0.0.1, never a LAN address: webviews need a secure context (crypto.subtle).
    '--bind-addr', '127.0.0.1:0',
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust',
    '--disable-getting-started-override', '--disable-proxy',
    '--log', logLevel,
    '--user-data-dir', scratch.dirs['user-data'],
    '--extensions-dir', scratch.dirs.extensions,
  ], {
    // Own process group, so stop() reaches the server's children (extension host, pty host, watcher).
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      // No extension gallery: it is unreachable offline and only adds errors to the log.
      EXTENSIONS_GALLERY: '{"serviceUrl":""}',
      ...process.env,
      ...env,
      TMPDIR: scratch.dirs.tmp,
      XDG_CONFIG_HOME: scratch.dirs['xdg-config'],
      XDG_DATA_HOME: scratch.dirs['xdg-data'],
      XDG_CACHE_HOME: scratch.dirs['xdg-cache'],
      XDG_STATE_HOME: scratch.dirs['xdg-state'],
      XDG_RUNTIME_DIR: scratch.dirs['xdg-runtime'],
    },
  });
  const stop = () => stopProcessGroup(child);
  // Last resort if our process dies without cleaning up (a synchronous kill is all 'exit' allows).
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.removeListener('exit', killOnExit));

  const recent = [];
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`code-server did not report a listening port within ${startTimeoutMs / 1000} s`), startTimeoutMs);
    function fail(message) {
      clearTimeout(timer);
      reject(new HarnessError(`${message}\n--- last code-server output ---\n${recent.join('\n')}`));
    }
    const onLine = (line) => {
      recent.push(line);
      if (recent.length > 40) recent.shift();
      onOutput(line);
      const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)\//.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    forEachLine(child.stdout, onLine);
    forEachLine(child.stderr, onLine);
    child.once('error', (error) => fail(`code-server could not be started: ${error.message}`));
    child.once('exit', (code, signal) => fail(`code-server exited before listening (code ${code}, signal ${signal})`));
  }).catch(async (error) => {
    await stop();
    throw error;
  });
  return { url, process: child, stop };
}

function forEachLine(stream, onLine) {
  let pending = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) onLine(line);
  });
  stream.on('end', () => pending && onLine(pending));
}

function killGroup(child, signal) {
  // Signal the group even when the leader has exited: its children may live on.
  try { process.kill(-child.pid, signal); } catch { /* group already empty */ }
}

/** SIGTERM the process group, SIGKILL what is left after 5 s; resolves when the leader has exited. */
export async function stopProcessGroup(child) {
  if (!child.pid) return;
  const exited = child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', resolve));
  killGroup(child, 'SIGTERM');
  let timer;
  const timedOut = new Promise((resolve) => { timer = setTimeout(() => resolve('timeout'), 5000); });
  await Promise.race([exited, timedOut]);
  clearTimeout(timer);
  killGroup(child, 'SIGKILL'); // children that ignored SIGTERM
  await exited;
}
