// Hostile list shapes for `npm run bench`: lists nested thousands of levels, on one line and over
// lines. The reader's cost is bounded by document/listWork.ts's budget; these rows show what it costs.
import { lintText } from '../../src/core/lint/engine';
import { listWork, MAX_LIST_WORK } from '../../src/core/document/listWork';
import { timeMedian } from './measure';

const HEAD = '---\ntype: postmortem\ntitle: Deep lists\nstatus: draft\n---\n# Deep lists\n\n## Action items\n\n';

/** The shapes, each a whole post-mortem: 5,000 items each one level deeper (tabs, spaces), 5,000 deep on one line. */
export function deepListShapes(): { name: string; text: string }[] {
  return [
    { name: '4,990 items each one level deeper (tabs, 6 MB; 5,000 lines is the section limit)', text: HEAD + Array.from({ length: 4990 }, (_, i) => `${'\t'.repeat(i >> 1)}${i % 2 ? '  ' : ''}- [ ] item ${i}`).join('\n') + '\n' },
    { name: '2,000 items each one level deeper (two spaces, 4 MB)', text: HEAD + Array.from({ length: 2000 }, (_, i) => `${'  '.repeat(i)}- [ ] item ${i}`).join('\n') + '\n' },
    { name: 'one item nested 5,000 deep on one line', text: `${HEAD}${'- '.repeat(5000)}[ ] deep\n` },
    { name: '64 items each one level deeper (within the limit, read)', text: HEAD + Array.from({ length: 64 }, (_, i) => `${'  '.repeat(i)}- [ ] item ${i} @bob due:2026-12-20`).join('\n') + '\n' },
  ];
}

export function deepListRows(row: (what: string, ours: string, theirs: string, note: string) => void, fmt: (ms: number) => string): void {
  const now = new Date('2026-11-27T12:00:00Z');
  for (const { name, text } of deepListShapes()) {
    const work = listWork(text);
    const notChecked = lintText(text, { now }).diagnostics.some((d) => d.code === 'document/section-too-large');
    const ms = timeMedian(() => lintText(text, { now }), 3, 1);
    row(`cold lint, ${name}`, fmt(ms), '-', `reader work estimate ${work.steps.toLocaleString('en-US')} (budget ${MAX_LIST_WORK.toLocaleString('en-US')}): ${notChecked ? 'not read, said by document/section-too-large' : 'read'}`);
  }
}
