// Mocha's browser build works in both extension hosts (the web worker has no Node `require`), so
// both suites use it. Imported first by index.ts so `suite`/`test` exist when the test files load.
import 'mocha/mocha';

// mocha.run() reads `location.search` for a grep; the Node extension host has no `location`.
if (!('location' in globalThis)) Object.defineProperty(globalThis, 'location', { value: { search: '' }, configurable: true });

mocha.setup({ ui: 'tdd', reporter: 'spec', timeout: 60_000, color: false } as Mocha.MochaOptions);
