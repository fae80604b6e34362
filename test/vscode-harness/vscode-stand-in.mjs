#!/usr/bin/env node
// Stands in for the VS Code executable that @vscode/test-electron's runTests() launches
// (`vscodeExecutablePath`): reads the same arguments, runs the suite in a real VS Code
// (code-server + Debian's Chromium), relays the extension host's console to stdout and exits with
// the suite's code. Exit codes: the suite's own (0 passed, 1 failed); 2 when the harness itself
// failed (code-server or Chromium did not start, the page crashed, the run timed out).
//
// Arguments (VS Code's own, as runTests passes them):
//   --extensionDevelopmentPath=<abs dir>  --extensionTestsPath=<abs .js>  [<workspace folder>]
// Ours (as launchArgs, or environment variables):
//   --pm-web                     | PM_VSCODE_WEB=1          extension in the web-worker host
//   --pm-settings=<file.json>    | PM_VSCODE_SETTINGS=<file> extra user settings (JSON object)
//   --pm-screenshots=<dir>       | PM_SCREENSHOT_DIR=<dir>   workbench screenshot on exit, and on request
//   --pm-timeout=<ms>            | PM_VSCODE_TIMEOUT_MS      overall limit (default 300000)
//   PM_VSCODE_VERBOSE=1          print code-server's own output too
// Other VS Code flags (--user-data-dir, --disable-gpu-sandbox, ...) are accepted and ignored: every
// run gets fresh user-data and extensions folders.
import { mkdirSync, readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { HarnessError } from './code-server.mjs';
import { launchWorkbench, saveScreenshot } from './workbench.mjs';

/** A suite line `[pm-harness] screenshot <name>` asks for `<screenshots dir>/<name>.png`. */
export const screenshotRequest = /^\[pm-harness\] screenshot ([\w.-]+)$/;

const prefix = '[vscode stand-in]';

// Workbench start-up chatter that reaches the automation log with the suite's output; hidden
// unless PM_VSCODE_VERBOSE=1 so mocha's report stays readable. Anything else is printed.
const workbenchChatter = [
  /^Resolving connection token /, /^Resolved connection token /, /^Creating a socket \(/,
  /^\[Service Worker\] registered$/, /^Ignoring fetching additional builtin extensions from gallery/,
  /^Updating additional builtin extensions cache$/, /^ChatSessionStore: Migrating \d+ chat sessions/,
  /^Creation of workbench contribution '[\w.]+' took \d+ms\.$/,
];

function parseArguments(argv, env) {
  const options = {
    extensionDevelopmentPaths: [],
    extensionTestsPath: undefined,
    workspaceFolder: undefined,
    web: env.PM_VSCODE_WEB === '1' || env.PM_VSCODE_WEB === 'true',
    settingsFile: env.PM_VSCODE_SETTINGS || undefined,
    screenshotDir: env.PM_SCREENSHOT_DIR || undefined,
    timeoutMs: Number(env.PM_VSCODE_TIMEOUT_MS || 300_000),
  };
  for (const arg of argv) {
    const [flag, value] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    switch (flag) {
      case '--extensionDevelopmentPath': options.extensionDevelopmentPaths.push(value); break;
      case '--extensionTestsPath': options.extensionTestsPath = value; break;
      case '--pm-web': options.web = true; break;
      case '--pm-settings': options.settingsFile = value; break;
      case '--pm-screenshots': options.screenshotDir = value; break;
      case '--pm-timeout': options.timeoutMs = Number(value); break;
      default:
        if (!arg.startsWith('-') && options.workspaceFolder === undefined) options.workspaceFolder = arg;
    }
  }
  if (options.extensionDevelopmentPaths.length !== 1) {
    throw new HarnessError(`exactly one --extensionDevelopmentPath=<dir> is needed, got ${options.extensionDevelopmentPaths.length}`);
  }
  if (!options.extensionTestsPath) throw new HarnessError('--extensionTestsPath=<module.js> is needed');
  if (!Number.isFinite(options.timeoutMs) || options.timeoutMs <= 0) throw new HarnessError('the timeout must be a positive number of milliseconds');
  const absolute = (path) => (path === undefined ? undefined : resolve(path));
  return {
    ...options,
    extensionDevelopmentPath: absolute(options.extensionDevelopmentPaths[0]),
    extensionTestsPath: absolute(options.extensionTestsPath),
    workspaceFolder: absolute(options.workspaceFolder),
    screenshotDir: absolute(options.screenshotDir),
    settings: {
      ...readSettings(options.settingsFile),
      // Tells a suite where its screenshot requests land, so it can wait for the file.
      ...(options.screenshotDir ? { 'pmHarness.screenshotDir': absolute(options.screenshotDir) } : {}),
    },
  };
}

function readSettings(file) {
  if (!file) return {};
  let settings;
  try {
    settings = JSON.parse(readFileSync(isAbsolute(file) ? file : resolve(file), 'utf8'));
  } catch (error) {
    throw new HarnessError(`cannot read the settings file ${file}: ${error.message}`);
  }
  if (settings === null || typeof settings !== 'object' || Array.isArray(settings)) {
    throw new HarnessError(`the settings file ${file} must hold a JSON object`);
  }
  return settings;
}

async function main() {
  const options = parseArguments(process.argv.slice(2), process.env);
  if (options.screenshotDir) mkdirSync(options.screenshotDir, { recursive: true }); // suites watch it
  const verbose = process.env.PM_VSCODE_VERBOSE === '1';
  const serverOutput = [];
  let workbench;
  let screenshots = Promise.resolve();
  const screenshot = (name) => {
    if (!options.screenshotDir || !workbench) return screenshots;
    const { page } = workbench;
    screenshots = screenshots
      .then(() => saveScreenshot(page, options.screenshotDir, name))
      .then((path) => console.log(`${prefix} screenshot saved: ${path}`))
      .catch((error) => console.error(`${prefix} screenshot ${name} failed: ${error.message}`));
    return screenshots;
  };

  const stopped = new Promise((_, reject) => {
    const timer = setTimeout(() => reject(new HarnessError(
      `the suite did not finish within ${options.timeoutMs / 1000} s (raise PM_VSCODE_TIMEOUT_MS or --pm-timeout)`)), options.timeoutMs);
    timer.unref();
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.once(signal, () => reject(new HarnessError(`stopped by ${signal}`)));
    }
  });
  stopped.catch(() => {});

  let code;
  let launched = Promise.resolve(undefined);
  try {
    launched = launchWorkbench({
      workspaceFolder: options.workspaceFolder,
      extensionDevelopmentPath: options.extensionDevelopmentPath,
      extensionTestsPath: options.extensionTestsPath,
      settings: options.settings,
      web: options.web,
      onServerOutput: (line) => {
        serverOutput.push(line);
        if (serverOutput.length > 60) serverOutput.shift();
        if (verbose) console.log(`[code-server] ${line}`);
      },
      onLog: (_type, text) => {
        const request = screenshotRequest.exec(text.trim());
        if (request) screenshot(request[1]);
        else if (verbose || !workbenchChatter.some((pattern) => pattern.test(text))) console.log(text);
      },
    });
    // If the timeout wins, the launch may still finish later: close it then too.
    launched.then((started) => { workbench = started; }, () => {});
    workbench = await Promise.race([launched, stopped]);
    console.log(`${prefix} ${options.web ? 'web-worker' : 'Node'} extension host, VS Code 1.100.3 (code-server) at ${workbench.serverUrl}`);
    code = await Promise.race([workbench.exitCode, stopped]);
  } catch (error) {
    console.error(`${prefix} FAILED: ${error instanceof HarnessError ? error.message : error.stack}`);
    if (!verbose && serverOutput.length > 0) console.error(`--- last code-server output ---\n${serverOutput.join('\n')}`);
    code = 2;
  }
  // A launch the timeout overtook still settles (each of its steps has a limit): close it too.
  workbench ??= await launched.catch(() => undefined);
  if (workbench) {
    await screenshot(`workbench-${options.web ? 'web' : 'node'}${code === 0 ? '' : '-failed'}`);
    await workbench.close();
  }
  return code;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`${prefix} FAILED: ${error instanceof HarnessError ? error.message : error.stack}`);
    process.exit(2);
  },
);
