import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { decodeFishboneLabel, encodeFishboneLabel, encodeFlowchartLabel, decodeFlowchartLabel, normalizeFishboneLabel } from '../../../src/core/diagrams/escape';
import { addCause } from '../../../src/core/diagrams/fishbone/edit';
import { newFishbone } from '../../../src/core/diagrams/fishbone/model';
import { parseFishbone } from '../../../src/core/diagrams/fishbone/parse';
import { printFishbone } from '../../../src/core/diagrams/fishbone/print';
import { addChild } from '../../../src/core/diagrams/faultTree/edit';
import { newFaultTree } from '../../../src/core/diagrams/faultTree/model';
import { parseFaultTree } from '../../../src/core/diagrams/faultTree/parse';
import { printFaultTree } from '../../../src/core/diagrams/faultTree/print';

// Any code points, including lone surrogates' neighbours, control characters and entity look-alikes.
const label = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 24 }),
  fc.array(fc.constantFrom('#', '35', ';', '%%', '{init}', '"', '<br/>', '\n', ' ', 'Ishikawa', 'end', '`', '&', 'x'), { maxLength: 8 }).map((a) => a.join('')),
);

describe('label escaping and text round trips (property-based)', () => {
  it('flowchart labels decode to exactly what was typed and never contain a quote or a line break', () => {
    fc.assert(fc.property(label, (text) => {
      const encoded = encodeFlowchartLabel(text);
      assert.doesNotMatch(encoded, /["\n\r]/);
      assert.equal(decodeFlowchartLabel(encoded), text);
    }), { numRuns: 500 });
  });

  it('fishbone labels decode to the whitespace-collapsed text and never start with the keyword', () => {
    fc.assert(fc.property(label, (text) => {
      const encoded = encodeFishboneLabel(text);
      assert.doesNotMatch(encoded, /^\s*ishikawa/i);
      assert.doesNotMatch(encoded, /[%<>&\n]/);
      assert.equal(decodeFishboneLabel(encoded), normalizeFishboneLabel(text));
    }), { numRuns: 500 });
  });

  it('fishbones and fault trees with random labels print, parse back to the same model, and reprint identically', () => {
    fc.assert(fc.property(fc.array(label, { minLength: 1, maxLength: 6 }), (labels) => {
      let fishbone = newFishbone(labels[0]);
      let tree = newFaultTree(labels[0]);
      for (const l of labels) {
        fishbone = addCause(fishbone, fishbone.categories[0].id, l).model;
        tree = addChild(tree, 'G1', { type: 'event', label: l, event: 'basic', probability: 0.5 }).tree;
      }
      const fbText = printFishbone(fishbone);
      const fbBack = parseFishbone(fbText);
      assert.deepEqual(fbBack.problems, []);
      assert.deepEqual(fbBack.model.categories[0].causes.map((c) => c.label), labels.map(normalizeFishboneLabel));
      assert.equal(printFishbone(fbBack.model), fbText);
      const ftText = printFaultTree(tree);
      const ftBack = parseFaultTree(ftText);
      assert.deepEqual(ftBack.problems, []);
      assert.deepEqual(ftBack.model, tree);
      assert.equal(printFaultTree(ftBack.model), ftText);
    }), { numRuns: 200 });
  });
});
