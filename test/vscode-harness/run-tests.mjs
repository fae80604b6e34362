#!/usr/bin/env node
// Runs a bundled mocha suite inside a real VS Code extension host through the standard
// @vscode/test-electron runTests(), and exits with the suite's code.
//
//   node test/vscode-harness/run-tests.mjs --extension <dir> --tests <suite.js> --workspace <dir>
//        [--web] [--settings <file.json>] [--screenshots <dir>] [--timeout <ms>]
//
// Which VS Code:
//   (default)                  code-server 1.100.3 + Debian Chromium through vscode-stand-in.mjs
//   VSCODE_EXECUTABLE=<path>   that desktop VS Code binary (e.g. /usr/share/code/code)
//   VSCODE_EXECUTABLE=download runTests downloads VS Code (VSCODE_VERSION, default 1.100.3)
// --web, --screenshots and --timeout need the code-server stand-in (desktop has no web-worker switch).
import { accessSync, chmodSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runTests } from '@vscode/test-electron';

const harnessDir = dirname(fileURLToPath(import.meta.url));
const standIn = join(harnessDir, 'vscode-stand-in.mjs');
const usage = 'usage: node test/vscode-harness/run-tests.mjs --extension <dir> --tests <suite.js> --workspace <dir> [--web] [--settings <file.json>] [--screenshots <dir>] [--timeout <ms>]';

function fail(message) {
  console.error(`run-tests: ${message}\n${usage}`);
  process.exit(2);
}

function readOptions() {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        extension: { type: 'string' },
        tests: { type: 'string' },
        workspace: { type: 'string' },
        web: { type: 'boolean', default: false },
        settings: { type: 'string' },
        screenshots: { type: 'string' },
        timeout: { type: 'string' },
      },
    }));
  } catch (error) {
    fail(error.message);
  }
  for (const name of ['extension', 'tests', 'workspace']) {
    if (!values[name]) fail(`--${name} is required`);
  }
  const paths = {
    extension: resolve(values.extension),
    tests: resolve(values.tests),
    workspace: resolve(values.workspace),
    settings: values.settings && resolve(values.settings),
  };
  if (!existsSync(join(paths.extension, 'package.json'))) fail(`no package.json in the extension folder ${paths.extension}`);
  if (!existsSync(paths.tests) || !statSync(paths.tests).isFile()) fail(`the tests module ${paths.tests} does not exist (build the suite bundle first)`);
  if (!existsSync(paths.workspace) || !statSync(paths.workspace).isDirectory()) fail(`the workspace folder ${paths.workspace} does not exist`);
  if (paths.settings && !existsSync(paths.settings)) fail(`the settings file ${paths.settings} does not exist`);
  return { ...values, ...paths };
}

function ensureExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
  } catch {
    chmodSync(file, 0o755); // a checkout without the executable bit (zip download, core.fileMode=false)
  }
}

async function main() {
  const options = readOptions();
  const desktop = process.env.VSCODE_EXECUTABLE;
  const launchArgs = [options.workspace];
  const testOptions = {
    extensionDevelopmentPath: options.extension,
    extensionTestsPath: options.tests,
    launchArgs,
  };
  if (desktop) {
    if (options.web || options.screenshots || options.timeout) fail('--web, --screenshots and --timeout work only with the code-server stand-in (unset VSCODE_EXECUTABLE)');
    // Settings on desktop: `--pm-settings` is ours, so write them the VS Code way instead.
    if (options.settings) fail('--settings works only with the code-server stand-in; on desktop put them in the workspace\'s .vscode/settings.json');
    launchArgs.push('--disable-extensions');
    if (desktop !== 'download') testOptions.vscodeExecutablePath = desktop;
    else testOptions.version = process.env.VSCODE_VERSION ?? '1.100.3';
  } else {
    ensureExecutable(standIn);
    testOptions.vscodeExecutablePath = standIn;
    if (options.web) launchArgs.push('--pm-web');
    if (options.settings) launchArgs.push(`--pm-settings=${options.settings}`);
    if (options.screenshots) launchArgs.push(`--pm-screenshots=${resolve(options.screenshots)}`);
    if (options.timeout) launchArgs.push(`--pm-timeout=${options.timeout}`);
  }
  try {
    return await runTests(testOptions);
  } catch (error) {
    // runTests rejects with TestRunFailedError{code} for a non-zero exit; anything else is a harness error.
    if (typeof error?.code === 'number') return error.code;
    console.error(`run-tests: ${error?.message ?? error}`);
    return 2;
  }
}

main().then((code) => process.exit(code));
