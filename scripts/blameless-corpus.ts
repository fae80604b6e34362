/**
 * Measures `blameless/language` on real post-mortems: every hit with its line, so a person can judge
 * each one (a false positive costs as much trust as a miss). Not part of `npm test` (the corpus lives
 * outside the project). Usage: `npx tsx scripts/blameless-corpus.ts [dir…]` (default
 * ../shared/corpus and examples/).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lintText } from '../src/core/lint/engine';
import { blamelessLanguage } from '../src/core/rules/blameless/language';

function markdownFiles(dir: string, out: string[] = [], depth = 0): string[] {
  if (depth > 12) return out;
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const s = statSync(path);
    if (s.isDirectory()) markdownFiles(path, out, depth + 1);
    else if (/\.(md|markdown)$/i.test(name)) out.push(path);
  }
  return out;
}

// The corpus sits next to the main checkout (../shared/corpus); worktrees are one level deeper.
const corpus = [join(process.cwd(), '../shared/corpus'), join(process.cwd(), '../../shared/corpus')].find((d) => existsSync(d));
const dirs = process.argv.slice(2).length ? process.argv.slice(2) : [...(corpus ? [corpus] : []), join(__dirname, '../examples')];
let files = 0;
let hits = 0;
let words = 0;
for (const dir of dirs) {
  for (const file of markdownFiles(dir)) {
    files++;
    const text = readFileSync(file, 'utf8');
    words += text.split(/\s+/).length;
    const lines = text.split(/\r?\n/);
    for (const d of lintText(text, { rules: [blamelessLanguage] }).diagnostics) {
      if (d.code !== 'blameless/language') continue;
      hits++;
      const line = lines[d.range.start.line] ?? '';
      const found = line.slice(d.range.start.character, d.range.start.line === d.range.end.line ? d.range.end.character : undefined);
      const context = line.slice(Math.max(0, d.range.start.character - 60), d.range.start.character + 100).trim();
      console.log(`${relative(process.cwd(), file)}:${d.range.start.line + 1}\t[${found}]\t${context}`);
    }
  }
}
console.log(`\n${hits} hit(s) in ${files} file(s), ${words} words`);
