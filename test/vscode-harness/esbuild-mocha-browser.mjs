// esbuild plugin for web-worker test bundles that import mocha's browser build (`mocha/mocha`).
//
// Why: mocha's package.json says "type": "module", so esbuild treats the UMD file mocha.js as ESM
// and leaves its free `module`/`exports` pointing at the bundle's own CommonJS module. The UMD
// header then runs `module.exports = factory()`, replacing the suite's exports with the mocha
// instance: the extension host calls mocha.run() instead of our run() and the HTML reporter fails
// with "document is not defined". Declaring local `module`/`exports`/`define` makes the UMD take
// its global branch (globalThis.mocha = the browser mocha instance), as in a <script> tag.
import { readFile } from 'node:fs/promises';

export const mochaBrowserBuild = {
  name: 'mocha-browser-build',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]mocha[\\/]mocha\.js$/ }, async (args) => ({
      contents: `var module, exports, define;\n${await readFile(args.path, 'utf8')}`,
      loader: 'js',
    }));
  },
};
