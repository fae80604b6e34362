import type { Nodes } from 'mdast';
import { walk } from '../../document/mdastUtil';
import { plainLinksOf } from '../../document/plainLinks';
import type { Rule } from '../../lint/rule';
import { mayHaveImageWithoutAlt } from './altGate';

const MESSAGE = 'Expected alt text saying what the image shows, found none';

/**
 * A screenshot without alt text says nothing to a screen reader, to the diff in a review, or to
 * anyone reading the file as text: the alt text is where the graph's point is written down.
 */
export const evidenceImageAlt: Rule = {
  code: 'evidence/image-alt',
  defaultSeverity: 'warning',
  description: 'Every image has alt text that says what it shows (`![Checkout 5xx rate, 14:00–15:00Z](…)`).',
  check(ctx) {
    const { doc } = ctx;
    for (const section of doc.sections) {
      // Every image's label holds alt text, as far as the raw text shows: nothing to report, no tree needed.
      if (!section.text.includes('![') || !mayHaveImageWithoutAlt(section.text)) continue;
      const base = doc.lines.lineStart(section.startLine);
      // Read from the lines when they can tell (plainLinks.ts): the section's tree is the costly part.
      const plain = plainLinksOf(section);
      if (plain) {
        for (const image of plain) {
          if (image.type !== 'image' || !image.emptyAlt) continue;
          ctx.report({ range: doc.lines.rangeOf(base + image.start, base + image.end), message: MESSAGE });
        }
        continue;
      }
      walk(section.mdast, (node: Nodes) => {
        if (node.type !== 'image' && node.type !== 'imageReference') return;
        if ((node.alt ?? '').trim() !== '' || !node.position) return;
        const { start, end } = node.position;
        if (start.offset === undefined || end.offset === undefined) return;
        ctx.report({
          range: doc.lines.rangeOf(base + start.offset, base + end.offset),
          message: MESSAGE,
        });
      });
    }
  },
};
