import assert from 'node:assert/strict';
import { causeCount, causeLineBudgets, drawnFishboneLabel, drawnLineCount, isLabelCut, parseFishbone, withDrawnLabels, wrappedLineCount } from '../../../src/core/diagrams';

/** A fishbone with `counts[i]` causes under category i (short labels unless given). */
function fishbone(counts: readonly number[], label = (c: number, i: number) => `Cause ${c}.${i}`): ReturnType<typeof parseFishbone>['model'] {
  const lines = ['ishikawa-beta', '  Checkout down'];
  counts.forEach((n, c) => {
    lines.push(`    Category ${c}`);
    for (let i = 0; i < n; i++) lines.push(`      ${label(c, i)}`);
  });
  const parsed = parseFishbone(lines.join('\n'));
  assert.ok(parsed.writable, JSON.stringify(parsed.problems));
  return parsed.model;
}

describe('fishbone crowding: labels cut to the rows Mermaid gives them (trial16b F2)', () => {
  it('wraps like Mermaid 12.3: 15 UTF-16 units a line at whitespace, an encoded %% or < taking its placeholder\'s width', () => {
    assert.equal(wrappedLineCount('Config change'), 1);
    assert.equal(wrappedLineCount('Config change merged without canary'), 3);
    assert.equal(wrappedLineCount('Ishikawa-beta was the keyword'), 2);
    // `%%` is written #37;#37; and Mermaid measures it as ﬂ°°37¶ßﬂ°°37¶ß: 14 units, a line of its own.
    assert.equal(drawnLineCount('%% not a comment %%{init: {"theme":"dark"}}%%'), 4);
    assert.equal(drawnLineCount('Config change merged without canary'), 3);
  });

  it('gives the trial\'s six causes under People 3 lines each, and a sparse diagram the whole 60-character cut', () => {
    // People 6, Process 1, Technology 1, Environment 1: rows 55 units apart under People (16.8 a line);
    // Technology shares the upper side's long bone alone (2 rows), Process and Environment the short one.
    assert.deepEqual(causeLineBudgets(fishbone([6, 1, 1, 1])), [3, 3, 11, 3]);
    const sparse = causeLineBudgets(fishbone([1, 1, 1, 1]));
    assert.ok(sparse.every((n) => n >= 4), `sparse: ${sparse}`);
    // Ten causes under each category: one line each.
    assert.deepEqual(causeLineBudgets(fishbone([10, 10, 10, 10])), [1, 1, 1, 1]);
    // Nested causes count: they take rows on the same bone.
    const nested = parseFishbone(['ishikawa-beta', '  Down', '    People', '      A', '        A1', '        A2', '      B', '    Process', '      C'].join('\n')).model;
    assert.equal(causeCount(nested.categories[0]), 4, 'A, A1, A2, B');
    assert.equal(causeCount(nested.categories[1]), 1);
  });

  it('cuts a cause that would wrap to more lines than its row holds, with "…", and says it is cut (its tooltip)', () => {
    const label = '%% not a comment %%{init: {"theme":"dark"}}%%';
    const drawn = drawnFishboneLabel(label, 'cause', 3);
    assert.ok(drawn.endsWith('…'), drawn);
    assert.ok(drawnLineCount(drawn) <= 3, drawn);
    assert.ok(!drawnFishboneLabel(label, 'cause').includes('…'), 'without a row limit: not cut (under 60 characters)');
    assert.equal(isLabelCut(label, 'cause', 3), true);
    assert.equal(isLabelCut(label, 'cause'), false);
    assert.equal(drawnFishboneLabel('Pager muted', 'cause', 1), 'Pager muted', 'a short label is never cut');
    assert.equal(isLabelCut('Pager muted', 'cause', 1), false);
    // One line of room: the label keeps its first words.
    assert.equal(drawnFishboneLabel('Config change merged without canary', 'cause', 1), 'Config change…');
  });

  it('withDrawnLabels cuts only the crowded category\'s long labels; the model\'s labels stay whole', () => {
    const model = fishbone([6, 1, 1, 1], (c, i) => (c === 0 ? `Cause number ${i} of the crowded people category today` : `Other cause ${c}`));
    const drawn = withDrawnLabels(model);
    for (const cause of drawn.categories[0].causes) assert.ok(drawnLineCount(cause.label) <= 3 && cause.label.endsWith('…'), cause.label);
    assert.deepEqual(drawn.categories.slice(1).map((c) => c.causes[0].label), ['Other cause 1', 'Other cause 2', 'Other cause 3']);
    assert.equal(model.categories[0].causes[0].label, 'Cause number 0 of the crowded people category today');
  });
});
