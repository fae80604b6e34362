/**
 * Measures the `redaction/*` checks on real post-mortems: every finding with its context (the value
 * itself is shown, so run it on public text only), counted per kind and per file, so a person can
 * judge each one. Not part of `npm test` (the corpus lives outside the project).
 * Usage: `npx tsx scripts/redaction-corpus.ts [dir…]` (default ../shared/corpus and examples/).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DEFAULT_REDACTION } from '../src/core/redaction/config';
import { findSensitive } from '../src/core/redaction/scan';

function textFiles(dir: string, out: string[] = [], depth = 0): string[] {
  if (depth > 12) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const s = statSync(path);
    if (s.isDirectory()) textFiles(path, out, depth + 1);
    else if (/\.(md|markdown|erb)$/i.test(name)) out.push(path);
  }
  return out;
}

const corpus = [join(process.cwd(), '../shared/corpus'), join(process.cwd(), '../../shared/corpus')].find((d) => existsSync(d));
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : [...(corpus ? [corpus] : []), join(__dirname, '../examples')];
let files = 0;
let filesWithFindings = 0;
const perKind = new Map<string, number>();
for (const dir of dirs) {
  for (const file of textFiles(dir)) {
    files++;
    const text = readFileSync(file, 'utf8');
    const findings = findSensitive(text, DEFAULT_REDACTION);
    if (findings.length) filesWithFindings++;
    for (const f of findings) {
      perKind.set(f.kind, (perKind.get(f.kind) ?? 0) + 1);
      const lineStart = text.lastIndexOf('\n', f.start) + 1;
      const line = text.slice(lineStart, text.indexOf('\n', f.start) < 0 ? undefined : text.indexOf('\n', f.start));
      const col = f.start - lineStart;
      const context = line.slice(Math.max(0, col - 50), col + 90).trim();
      const lineNo = text.slice(0, f.start).split('\n').length;
      console.log(`${relative(process.cwd(), file)}:${lineNo} ${f.kind} ${JSON.stringify(text.slice(f.start, Math.min(f.end, f.start + 80)))}\n    ${context}`);
    }
  }
}
console.log(`\n${files} files, ${filesWithFindings} with findings; per kind: ${[...perKind].map(([k, n]) => `${k} ${n}`).join(', ') || 'none'}`);
