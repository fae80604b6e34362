import { decodeFishboneLabel, encodeFishboneLabel } from '../escape';
import { lineBudgetsOfCounts } from './crowding';
import { drawnFishboneLabel, type FishboneLabelRole } from './drawnLabels';

/**
 * A fishbone block as written, line by line, with each long label cut as the drawing shows it (see
 * drawnLabels): for a block the model cannot stand for (a `%%` comment, a line between two levels),
 * which is therefore drawn from its own text, not printed from the model. Without it a 300-character
 * cause shrank the read-only panel's whole drawing to 29 % (trial13b F5). Every other line is kept
 * byte for byte (indentation, comments, blank lines), so Mermaid reads the same structure.
 *
 * `asOutline`: a line holding a raw `<` is written afresh, encoded, so it is drawn as the editor's
 * outline shows it (Mermaid draws `&lt;`, or drops a `<word>`: trial13b F1); the Problems list says so.
 */
export function drawnFishboneBlock(content: string, options: { asOutline?: boolean } = {}): string {
  const lines = content.split('\n');
  // The parser's walk (parseFishbone): blank and %% lines are skipped, the first other line is the
  // keyword (even when it is not one), the next the effect, then causes, depth told by the columns
  // still open. Each column is pushed once and popped at most once: linear in the lines.
  // First walk: each label line's role and category, and the causes under each category (crowded
  // categories get their causes cut to the rows Mermaid gives them, see ./crowding).
  let seen = 0;
  const open: number[] = [];
  const labels: { at: number; column: number; role: FishboneLabelRole; category: number }[] = [];
  const counts: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('%%')) continue;
    seen += 1;
    if (seen === 1) continue;
    const column = line.length - line.trimStart().length;
    let role: FishboneLabelRole = 'effect';
    if (seen > 2) {
      while (open.length > 0 && open[open.length - 1] >= column) open.pop();
      role = open.length === 0 ? 'category' : 'cause';
      open.push(column);
      if (role === 'category') counts.push(0);
      else counts[counts.length - 1] += 1;
    }
    labels.push({ at: i, column, role, category: counts.length - 1 });
  }
  const budgets = lineBudgetsOfCounts(counts);
  for (const { at: i, column, role, category } of labels) {
    const line = lines[i];
    const label = decodeFishboneLabel(line);
    const drawn = drawnFishboneLabel(label, role, role === 'cause' ? budgets[category] : undefined);
    if (drawn === label && !(options.asOutline && line.includes('<'))) continue;
    const end = line.endsWith('\r') ? '\r' : '';
    lines[i] = line.slice(0, column) + encodeFishboneLabel(drawn) + end;
  }
  return lines.join('\n');
}
