// `npm run corpus -- ../shared/corpus`: run the built CLI over every Markdown file of a folder, as
// post-mortems (`--all-markdown`), and print crashes (must be 0) and what the checks found.
// Not part of `npm test`: the corpus lives outside the repository.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const folder = process.argv[2];
if (!folder) {
  console.error('Usage: npm run corpus -- <folder with .md files>');
  process.exit(2);
}
const root = resolve(folder);
const cli = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..', 'dist', 'cli.js');
const now = '2026-11-27T12:00:00Z';

function markdownFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === '.git' ? [] : markdownFiles(path);
    // `.md.erb`: Markdown pages of a static-site generator (ERB tags around plain Markdown).
    return /\.(md|markdown|md\.erb)$/i.test(name) ? [path] : [];
  });
}

const files = markdownFiles(root).sort();
const crashes = [];
const perFile = [];
const codes = new Map();
const started = Date.now();
// Recognition as a user's `postmortem lint <folder>` would do it: one run, counting the skipped files.
const plain = spawnSync(process.execPath, [cli, 'lint', root, '--verbose', '--workers', '0', '--format', 'json', '--now', now], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
const skipped = (plain.stderr.match(/^postmortem lint: skipped /gm) ?? []).length;
const recognised = files.filter((f) => !/\.erb$/i.test(f)).length - skipped;
const erbCopies = mkdtempSync(join(tmpdir(), 'pm-corpus-'));
for (const [i, file] of files.entries()) {
  // The CLI reads .md/.markdown only: lint a `.md` copy of each `.md.erb` page.
  const target = /\.erb$/i.test(file) ? join(erbCopies, `${i}.md`) : file;
  if (target !== file) copyFileSync(file, target);
  // One process per file so a crash is pinned to its file.
  const r = spawnSync(process.execPath, [cli, 'lint', target, '--all-markdown', '--format', 'json', '--now', now], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const stack = /\n\s+at .+\(.+:\d+:\d+\)/.test(r.stderr) || /internal error/.test(r.stderr);
  if ((r.status !== 0 && r.status !== 1) || stack) {
    crashes.push({ file: relative(root, file), status: r.status, stderr: r.stderr.slice(0, 800) });
    continue;
  }
  const diagnostics = JSON.parse(r.stdout);
  perFile.push(diagnostics.length);
  for (const d of diagnostics) codes.set(d.code, (codes.get(d.code) ?? 0) + 1);
}

rmSync(erbCopies, { recursive: true, force: true });
const sorted = [...perFile].sort((a, b) => a - b);
const median = sorted.length ? (sorted.length % 2 ? sorted[sorted.length >> 1] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2) : 0;
const mean = sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : 0;
console.log(`Corpus: ${root}`);
console.log(`files: ${files.length}  (recognised as post-mortems without --all-markdown: ${recognised})`);
console.log(`crashes: ${crashes.length}`);
for (const c of crashes) console.log(`  ${c.file}: exit ${c.status}\n    ${c.stderr.replace(/\n/g, '\n    ')}`);
console.log(`diagnostics per file: mean ${mean.toFixed(1)}, median ${median}, max ${sorted.at(-1) ?? 0}, files with none ${sorted.filter((n) => n === 0).length}`);
console.log('top codes:');
for (const [code, n] of [...codes].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${String(n).padStart(6)}  ${code}`);
console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)`);
process.exitCode = crashes.length ? 1 : 0;
