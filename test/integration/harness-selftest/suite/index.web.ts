// Entry of the suite bundle for the web-worker extension host: one CommonJS file whose only
// require is `vscode`, with mocha's browser build (bundle it with the mochaBrowserBuild plugin).
import 'mocha/mocha';

export async function run(): Promise<void> {
  // mocha/mocha sets globalThis.mocha; setup() defines describe/it as globals.
  mocha.setup({ ui: 'bdd', reporter: 'spec', color: false, timeout: 30_000 });
  await import('./selftest.test');
  await new Promise<void>((resolve, reject) => {
    const runner = mocha.run((failures) => {
      console.log(`${runner.stats?.passes ?? 0} passed, ${failures} failed`);
      if (failures > 0) reject(new Error(`${failures} test(s) failed`));
      else resolve();
    });
  });
}
