/**
 * Sizes of the shipped bundles, read from the built files (run `node scripts/build.mjs` first; `npm run
 * bench` does): the two extension bundles, and the webview apps with what each loads on open (its
 * static-import closure) versus the chunks Mermaid loads only when a diagram type needs them.
 * Which npm packages went into a bundle comes from its source map (`sources`), not from guessing at
 * minified text. Run alone: `npx tsx scripts/bench/bundles.ts`.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export interface BundleFile {
  /** Path relative to the repository, with `/`. */
  readonly file: string;
  readonly bytes: number;
  /** npm packages whose sources the bundle holds (from its .map), or undefined without a map. */
  readonly packages?: ReadonlySet<string>;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
/** `663,078 B (647.5 KB)`: bytes for diffs, KB for reading. */
export const size = (bytes: number) => `${bytes.toLocaleString('en-US')} B (${kb(bytes)})`;

function packagesOf(mapFile: string): Set<string> | undefined {
  if (!existsSync(mapFile)) return undefined;
  const sources = (JSON.parse(readFileSync(mapFile, 'utf8')) as { sources?: string[] }).sources ?? [];
  const names = new Set<string>();
  for (const source of sources) {
    const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(source);
    if (m) names.add(m[1]);
  }
  return names;
}

export function bundleFile(repo: string, file: string): BundleFile {
  const path = join(repo, file);
  if (!existsSync(path)) throw new Error(`${file} is missing: run \`node scripts/build.mjs\` first.`);
  return { file, bytes: statSync(path).size, packages: packagesOf(`${path}.map`) };
}

/**
 * The files a page loads before any dynamic `import()`: the entry and, transitively, every chunk it
 * names in a static `import … from"./x.js"` / `import"./x.js"` / `export … from"./x.js"` (esbuild's
 * minified ESM). `import("…")` has a parenthesis before the quote, so lazy chunks are not followed.
 */
export function staticClosure(repo: string, entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(join(repo, file), 'utf8');
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*"(\.{1,2}\/[^"]+\.js)"/g)) {
      visit(relative(repo, resolve(dirname(join(repo, file)), m[1])).split('\\').join('/'));
    }
  };
  visit(entry);
  return [...seen];
}

function filesUnder(repo: string, dir: string, ext: string): string[] {
  const root = join(repo, dir);
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith(ext))
    .map((f) => `${dir}/${f.split('\\').join('/')}`);
}

export interface WebviewSizes {
  readonly app: string;
  /** Entry + statically imported chunks + its CSS: what opening the panel downloads and parses. */
  readonly onOpenBytes: number;
  readonly onOpenFiles: number;
  /** Of which files whose source map lists Mermaid sources (a chunk may mix Mermaid with d3 etc.). */
  readonly mermaidOnOpenBytes: number;
  readonly ownBytes: number;
}

export function webviewSizes(repo: string, app: 'diagram' | 'metrics'): WebviewSizes {
  const entry = `media/dist/${app}/main.js`;
  const files = staticClosure(repo, entry).map((f) => bundleFile(repo, f));
  const css = [`media/dist/${app}/main.css`].filter((f) => existsSync(join(repo, f))).map((f) => bundleFile(repo, f));
  const all = [...files, ...css];
  return {
    app,
    onOpenBytes: all.reduce((n, f) => n + f.bytes, 0),
    onOpenFiles: all.length,
    mermaidOnOpenBytes: files.filter((f) => f.packages?.has('mermaid')).reduce((n, f) => n + f.bytes, 0),
    ownBytes: all.filter((f) => !f.file.includes('/chunks/')).reduce((n, f) => n + f.bytes, 0),
  };
}

/** Rows in the bench's shape: [what, ours, baseline, note]. */
export function bundleRows(repo: string): [string, string, string, string][] {
  const node = bundleFile(repo, 'dist/extension.js');
  const web = bundleFile(repo, 'dist/web/extension.js');
  const mermaidIn = (f: BundleFile) => (f.packages ? (f.packages.has('mermaid') ? 'Mermaid IS bundled (it should not be)' : `no Mermaid (${f.packages.size} npm packages per its source map)`) : 'no source map: Mermaid not checked');
  const rows: [string, string, string, string][] = [
    ['web extension bundle (dist/web/extension.js, minified) vs the Node one (dist/extension.js)', size(web.bytes), size(node.bytes), `${(web.bytes / 1024 / 1024 * 100).toFixed(0)}% of the 1 MB goal; web: ${mermaidIn(web)}; node: ${mermaidIn(node)}`],
  ];

  const chunks = filesUnder(repo, 'media/dist/chunks', '.js').map((f) => bundleFile(repo, f));
  const diagram = webviewSizes(repo, 'diagram');
  const metrics = webviewSizes(repo, 'metrics');
  const allWebview = [...filesUnder(repo, 'media/dist/diagram', '.js'), ...filesUnder(repo, 'media/dist/metrics', '.js'), ...chunks.map((c) => c.file)];
  const loaded = new Set([...staticClosure(repo, 'media/dist/diagram/main.js'), ...staticClosure(repo, 'media/dist/metrics/main.js')]);
  const lazy = chunks.filter((c) => !loaded.has(c.file));
  const allBytes = allWebview.reduce((n, f) => n + statSync(join(repo, f)).size, 0);
  for (const w of [diagram, metrics]) {
    rows.push([
      `${w.app} webview on open (entry + static chunks + CSS) vs its own entry files`,
      size(w.onOpenBytes),
      size(w.ownBytes),
      `${w.onOpenFiles} files, of which chunks holding Mermaid sources ${size(w.mermaidOnOpenBytes)} (${((w.mermaidOnOpenBytes / w.onOpenBytes) * 100).toFixed(0)}%)`,
    ]);
  }
  rows.push([
    'webview JS shipped in media/dist (both apps + shared chunks) vs the part loaded only on demand',
    size(allBytes),
    size(lazy.reduce((n, c) => n + c.bytes, 0)),
    `${chunks.length} shared chunks, ${lazy.length} of them only behind import(); largest of those: ${lazy.sort((a, b) => b.bytes - a.bytes).slice(0, 2).map((c) => `${c.file.replace('media/dist/chunks/', '')} ${kb(c.bytes)}`).join(', ')}`,
  ]);
  const preview = 'media/dist/preview/mermaid-preview.js';
  if (existsSync(join(repo, preview))) {
    rows.push(['Markdown-preview Mermaid script (one classic IIFE, no lazy chunks possible)', size(bundleFile(repo, preview).bytes), '–', 'loaded by VS Code\'s preview only when the user opens a preview']);
  }
  return rows;
}

// `npx tsx scripts/bench/bundles.ts` prints the rows on their own.
if (process.argv[1]?.endsWith('bundles.ts')) {
  for (const [what, ours, theirs, note] of bundleRows(join(__dirname, '../..'))) console.log(`  ${what}: ${ours} | ${theirs} | ${note}`);
}
