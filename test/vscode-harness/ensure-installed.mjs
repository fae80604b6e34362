// Installs the real-VS-Code harness when it is missing, so `npm test` and `npm start` work from a
// fresh clone in one step instead of failing with "run install.sh first". Says what it installs and
// why before it starts (it needs apt and root; ~1 minute once, ~0.5 s afterwards).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerBin } from './code-server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const CHROMIUM = '/usr/bin/chromium';

/** True when code-server and Chromium are there (or the user points at desktop VS Code). */
export function harnessInstalled() {
  return existsSync(codeServerBin) && existsSync(CHROMIUM);
}

/** Runs install.sh when needed; returns its exit code (0 when nothing was needed). */
export function ensureHarness(purpose) {
  if (process.env.VSCODE_EXECUTABLE || harnessInstalled()) return 0;
  console.log(
    `[postmortem] ${purpose} needs a real VS Code: installing the test harness once — code-server 4.100.3 (VS Code 1.100.3) ` +
      'from npm and Debian\'s chromium, fonts-liberation, ripgrep, libkrb5-dev and scram (bash test/vscode-harness/install.sh; needs apt and root, about a minute).',
  );
  const result = spawnSync('bash', [join(here, 'install.sh')], { stdio: 'inherit' });
  return result.status ?? 1;
}

// `node test/vscode-harness/ensure-installed.mjs`: the step `npm test` runs before the browser tests.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exit(ensureHarness('`npm test` (webview and integration tests)'));
