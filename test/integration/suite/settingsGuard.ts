import * as vscode from 'vscode';
import harnessSettings from '../settings.json';
import { deepEqual } from '../../vscode-harness/in-host/assert';
import { waitFor } from './helpers';

/**
 * The harness writes test/integration/settings.json as the USER settings (code-server's
 * `User/settings.json`), so a suite that changes one of them at the Global level and "restores" it
 * with `update(key, undefined)` deletes it instead: code-server's own default comes back for every
 * later suite. That is how `files.autoSave: off` became VS Code for the web's "afterDelay" (1 s)
 * after the diagram auto-save suite, and "Undo never deletes a file a command created" failed
 * whenever its eight undos took longer than a second (the template was auto-saved over the text the
 * test had saved). Suites change user settings only through `suiteSettings`, which puts back what
 * was there; the root hook below fails the first test that runs with a setting left changed.
 */

/** Settings some tests change for a moment; each must be back as it was before the next test. */
const WATCHED = ['files.autoSave', 'files.autoSaveDelay', 'editor.codeActionsOnSave', 'postmortem.userName', 'postmortem.zone', 'postmortem.rules'];

let changing = 0;
let baseline: Map<string, unknown> | undefined;

function effective(key: string): unknown {
  return vscode.workspace.getConfiguration().get(key);
}

/** The harness's settings as the suites rely on them (settings.json), then the other watched ones as first seen. */
function expected(): Map<string, unknown> {
  if (!baseline) {
    baseline = new Map<string, unknown>(Object.entries(harnessSettings));
    for (const key of WATCHED) if (!baseline.has(key)) baseline.set(key, effective(key));
  }
  return baseline;
}

/** Names each watched setting that is not as the harness (or the first test) had it; empty when all are. */
export function changedSettings(): string[] {
  const changed: string[] = [];
  for (const [key, value] of expected()) {
    const now = effective(key);
    if (JSON.stringify(now) !== JSON.stringify(value)) changed.push(`${key} is ${JSON.stringify(now)}, expected ${JSON.stringify(value)}`);
  }
  return changed;
}

// Before every test (outside a suite that changes settings on purpose): the settings are the harness's.
setup(function () {
  if (changing > 0) return;
  const changed = changedSettings();
  deepEqual(changed, [], `a suite before "${this.currentTest?.fullTitle() ?? '?'}" left settings changed: ${changed.join('; ')}`);
});

/**
 * User (Global) settings for the tests of the calling suite, set in its suiteSetup and put back in
 * its suiteTeardown to exactly what the user settings held before (the harness's value, or none),
 * each waited for until the extension host sees it.
 */
export function suiteSettings(section: string, values: Record<string, unknown>): void {
  const before = new Map<string, unknown>();
  const config = () => vscode.workspace.getConfiguration(section);
  const settle = (want: Map<string, unknown>, what: string) => waitFor(
    vscode.workspace.onDidChangeConfiguration,
    () => [...want].every(([key, value]) => JSON.stringify(config().inspect(key)?.globalValue) === JSON.stringify(value)),
    what, 20_000,
    () => [...want.keys()].map((key) => `${section}.${key}=${JSON.stringify(config().inspect(key)?.globalValue)}`).join(', '),
  );
  suiteSetup(async () => {
    changing += 1;
    for (const [key, value] of Object.entries(values)) {
      before.set(key, config().inspect(key)?.globalValue);
      await config().update(key, value, vscode.ConfigurationTarget.Global);
    }
    await settle(new Map(Object.entries(values)), `the user settings ${JSON.stringify(values)}`);
  });
  suiteTeardown(async () => {
    try {
      for (const [key, value] of before) await config().update(key, value, vscode.ConfigurationTarget.Global);
      await settle(before, `the user settings put back (${[...before].map(([k, v]) => `${section}.${k}=${JSON.stringify(v)}`).join(', ')})`);
    } finally {
      changing -= 1;
    }
  });
}
