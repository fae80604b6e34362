import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseFaultTree } from '../../../src/core/diagrams/faultTree/parse';
import { printFaultTree } from '../../../src/core/diagrams/faultTree/print';
import { parseFishbone } from '../../../src/core/diagrams/fishbone/parse';
import { printFishbone } from '../../../src/core/diagrams/fishbone/print';

/** The examples of docs/diagrams.md (shown inside ````markdown fences, so no scanner sees them as diagrams). */
function examples(): string[] {
  const doc = readFileSync(fileURLToPath(new URL('../../../docs/diagrams.md', import.meta.url)), 'utf8');
  return [...doc.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);
}

describe('docs/diagrams.md examples', () => {
  it('are canonical text of their format: no problems, and printing gives them back', () => {
    const [fishbone, faultTree] = examples();
    assert.ok(fishbone?.startsWith('ishikawa-beta') && faultTree?.startsWith('flowchart TB'));
    const fb = parseFishbone(fishbone);
    assert.deepEqual(fb.problems, []);
    assert.equal(printFishbone(fb.model, { canonical: true }), fishbone);
    const ft = parseFaultTree(faultTree);
    assert.deepEqual(ft.problems, []);
    assert.equal(printFaultTree(ft.model), faultTree);
  });
});
