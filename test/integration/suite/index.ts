// Entry of the bundled integration suite: the extension host require()s this module and calls run().
import './setup';
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
import './review.itest';
import './library.itest';
import './templates.itest';
import './evidence.itest';
import './tickets.itest';
import './links.itest';
import './writeGuard.itest';
import './newFolders.itest';
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

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} integration test(s) failed`));
      // A run that selected nothing (a wrong grep) must not pass as green.
      else if (runner.total === 0) reject(new Error('no integration test ran'));
      else resolve();
    });
  });
}
