// Entry of the bundled integration suite: the extension host require()s this module and calls run().
import './setup';
// Before each test: the settings are the harness's (a suite that left one changed fails the next test, named).
import './settingsGuard';
import './activation.itest';
import './diagnostics.itest';
import './codeActions.itest';
import './frontMatter.itest';
import './snippets.itest';
import './commands.itest';
import './actionItems.itest';
import './config.itest';
import './diagrams.itest';
import './performance.itest';
import './metrics.itest';
import './oneReading.itest';
import './moreViews.itest';
import './hostileFile.itest';
import './hostWorker.itest';
import './hostWorkerIndex.itest';
import './notRead.itest';
import './leftOutItems.itest';
import './review.itest';
import './library.itest';
import './templates.itest';
import './evidence.itest';
import './tickets.itest';
import './links.itest';
import './writeGuard.itest';
import './diagramAutoSave.itest';
import './writeTargets.itest';
import './byteRefusals.itest';
import './newFolders.itest';
import './newFileRace.itest';
import './undoNewFile.itest';
import './silentSearch.itest';
import './previewNotIndexed.itest';
import { registerZoneSuite, ZONE_SUITE } from './zone.itest';

// The `zone` run (run.mjs: TZ=Europe/Berlin, PM_IT_ONLY=zone, Node host) runs the writer's-zone suite alone.
if ((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.PM_IT_ONLY === 'zone') {
  registerZoneSuite();
  mocha.grep(new RegExp(`^${ZONE_SUITE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
}
// A developer's run of some suites only (Node host): PM_IT_GREP=<pattern> in the environment of run-tests.mjs.
else if ((globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.PM_IT_GREP) {
  mocha.grep(new RegExp((globalThis as { process: { env: Record<string, string> } }).process.env.PM_IT_GREP));
}

/** Tests whose first attempt failed, with that failure: printed after the run, never silent. */
function watchRetries(runner: Mocha.Runner): () => void {
  const retried = new Map<string, string>();
  runner.on('retry', (test: Mocha.Test, err: unknown) => {
    const first = err instanceof Error ? err.message : String(err);
    retried.set(test.fullTitle(), first.split('\n')[0].slice(0, 300));
    console.log(`  ⚠ failed once, trying again: ${test.fullTitle()} — ${first.split('\n')[0].slice(0, 300)}`);
  });
  return () => {
    if (retried.size === 0) return;
    console.log(`\n⚠ ${retried.size} integration test(s) failed on the first attempt (flaky: mend them):`);
    for (const [title, first] of retried) console.log(`  - ${title}\n      first attempt: ${first}`);
  };
}

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    let reportRetries = (): void => undefined;
    const runner = mocha.run((failures) => {
      reportRetries();
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      // A run that selected nothing (a wrong grep) must not pass as green.
      else if (runner.total === 0) reject(new Error('no integration test ran'));
      else resolve();
    });
    reportRetries = watchRetries(runner);
  });
}
