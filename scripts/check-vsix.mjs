// After `vsce package`: the .vsix must stay small for the Marketplace (≤ 4 MB) and carry no source
// maps (they were 6.3 MB of a 9.4 MB package). Fails the `npm run package` step otherwise.
import { statSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const LIMIT = 4 * 1024 * 1024;
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const vsix = resolve(root, process.argv[2] ?? `${pkg.name}-${pkg.version}.vsix`);
const size = statSync(vsix).size;
const vsce = join(root, 'node_modules', '.bin', 'vsce');
const files = execFileSync(vsce, ['ls', '--no-dependencies'], { cwd: root, encoding: 'utf8' }).split('\n').filter(Boolean);
const maps = files.filter((f) => f.endsWith('.map'));
const problems = [];
if (size > LIMIT) problems.push(`${vsix} is ${(size / 1048576).toFixed(2)} MB; the limit is ${LIMIT / 1048576} MB.`);
if (maps.length) problems.push(`${maps.length} source maps would be packaged (${maps.slice(0, 3).join(', ')}…); list media files in .vscodeignore, not maps out.`);
if (problems.length) {
  console.error(`check-vsix: ${problems.join('\n')}`);
  process.exit(1);
}
console.log(`check-vsix: ${relative(root, vsix)} ${(size / 1048576).toFixed(2)} MB (limit 4 MB), ${files.length} files, no source maps.`);
