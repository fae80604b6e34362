// After `vsce package`: the .vsix must stay small for the Marketplace (≤ 4 MB), carry no source
// maps (they were 6.3 MB of a 9.4 MB package), and carry every file the extension loads at run time
// (the codicon font was left out once: the diagram toolbar showed empty buttons in an installed
// extension). Fails the `npm run package` step otherwise.
//   node scripts/check-vsix.mjs [file.vsix]   the package and its file list
//   node scripts/check-vsix.mjs --files       only the file list (no .vsix needed; a unit test runs it after a build)
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LIMIT = 4 * 1024 * 1024;
/** Built files that are not the extension's: the CLI and its worker, the bench (npm's `bin`, not the .vsix). */
const NOT_THE_EXTENSION = new Set(['dist/cli.js', 'dist/lintWorker.js', 'dist/bench.js']);

/** Every file under `dir` (relative to the root, `/`-separated). */
function walk(dir) {
  const out = [];
  if (!existsSync(join(root, dir))) return out;
  for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
    const path = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...walk(path));
    else out.push(path);
  }
  return out;
}

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsce = join(root, 'node_modules', '.bin', 'vsce');
const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean).map((f) => f.replace(/\\/g, '/'));
const packaged = new Set(files);
const problems = [];
const maps = files.filter((f) => f.endsWith('.map'));
if (maps.length) problems.push(`${maps.length} source maps would be packaged (${maps.slice(0, 3).join(', ')}…); list media files in .vscodeignore, not maps out.`);
// What the build made for the extension and its webviews (bundles, styles, fonts), and what
// package.json names (icon, walkthrough pages, snippets, schemas), must all be in the package.
const built = [...walk('dist'), ...walk('media')].filter((f) => !f.endsWith('.map') && !NOT_THE_EXTENSION.has(f));
const missing = built.filter((f) => !packaged.has(f));
if (missing.length) problems.push(`${missing.length} file(s) the extension loads would not be packaged: ${missing.slice(0, 5).join(', ')}; list them in .vscodeignore.`);
if (!packaged.has(pkg.icon)) problems.push(`the icon ${pkg.icon} would not be packaged.`);
if (process.argv[2] !== '--files') {
  const vsix = resolve(root, process.argv[2] ?? `${pkg.name}-${pkg.version}.vsix`);
  const size = statSync(vsix).size;
  if (size > LIMIT) problems.push(`${relative(root, vsix)} is ${(size / 1048576).toFixed(2)} MB; the limit is ${LIMIT / 1048576} MB.`);
  if (!problems.length) console.log(`check-vsix: ${relative(root, vsix)} ${(size / 1048576).toFixed(2)} MB (limit 4 MB), ${files.length} files, no source maps, every built file in.`);
} else if (!problems.length) console.log(`check-vsix: ${files.length} files, no source maps, every built file in.`);
if (problems.length) {
  console.error(`check-vsix: ${problems.join('\n')}`);
  process.exit(1);
}
