// Mocha's browser build works in both extension hosts (the web worker has no Node `require`), so
// both suites use it. Imported first by index.ts so `suite`/`test` exist when the test files load.
import 'mocha/mocha';

// mocha.run() reads `location.search` for a grep; the Node extension host has no `location`.
if (!('location' in globalThis)) Object.defineProperty(globalThis, 'location', { value: { search: '' }, configurable: true });

// One second attempt for a test that fails in the real VS Code: an event that a loaded machine
// delivers late (a file watcher, the extension host's scheduling) once cost a whole CI run. A test
// that fails twice fails the run; one that passes only the second time is printed with its first
// failure (index.ts, `passedOnRetry`), so a flaky test is seen and mended, not hidden.
mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 60_000, color: false, retries: 1 } as Mocha.MochaOptions);
