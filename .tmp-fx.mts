import { readFileSync } from 'node:fs';
import { lintText } from './src/core/lint/engine';
for (const f of process.argv.slice(2)) {
  const { diagnostics } = lintText(readFileSync(f, 'utf8'), { now: new Date('2026-11-27T12:00:00Z') });
  console.log(f); for (const d of diagnostics) console.log(`  ${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
}
