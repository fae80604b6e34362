// Entry of the suite bundle for the Node extension host: VS Code require()s it and awaits run().
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  // What the mocha CLI does before loading spec files: define describe/it as globals.
  mocha.suite.emit('pre-require', globalThis, 'bundle', mocha);
  await import('./selftest.test');
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // A plain closing line CI can read, whatever the reporter.
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
