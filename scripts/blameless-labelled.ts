/**
 * Precision and recall of `blameless/language` on the labelled sentences
 * (test/fixtures/blameless/sentences.txt), by what each sentence truly is, with every sentence the
 * rule gets wrong. Usage: `npx tsx scripts/blameless-labelled.ts`.
 */
import { flaggedPhrases, isBlame, labelledSentences } from './blamelessLabelled';

let tp = 0;
let fp = 0;
let fn = 0;
let tn = 0;
const wrong: string[] = [];
for (const { line, label, sentence } of labelledSentences()) {
  const found = flaggedPhrases(sentence);
  const blame = isBlame(label);
  if (blame && found.length) tp++;
  else if (blame) { fn++; wrong.push(`miss   :${line} ${sentence}`); }
  else if (found.length) { fp++; wrong.push(`false  :${line} ${sentence}  [${found.join('] [')}]`); }
  else tn++;
}
const pct = (a: number, b: number) => (b ? `${((100 * a) / b).toFixed(1)}%` : 'n/a');
console.log(wrong.join('\n'));
console.log(`\n${tp + fn} blaming, ${fp + tn} not: flagged ${tp} of the blaming (recall ${pct(tp, tp + fn)}) and ${fp} of the others; precision ${pct(tp, tp + fp)} (${tp} of ${tp + fp} flagged sentences blame)`);
