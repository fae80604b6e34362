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
import './review.itest';

export function run(): Promise<void> {
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} integration test(s) failed`)) : resolve()));
  });
}
