import { ACTION_KINDS } from '../../actions/itemGrammar';
import { ownValue } from '../../collections/ownValue';
import type { Rule } from '../../lint/rule';
import { likelyMeant } from '../../text/editDistance';
import type { Fix } from '../../types';
import { tokenRange } from './itemRanges';

/** Words people write for a kind, with the kind they mean. */
const SYNONYMS: Readonly<Record<string, string>> = { prevention: 'prevent', preventive: 'prevent', mitigation: 'mitigate', detection: 'detect', docs: 'kb', knowledge: 'kb', doc: 'kb' };

/**
 * `kind:` takes one of the SRE workbook's kinds; anything else (`kind:prevention`) is not read, so the
 * item counts as kind-less in the metrics and `actions/no-prevent` does not see it.
 */
export const badKind: Rule = {
  code: 'actions/bad-kind',
  defaultSeverity: 'warning',
  description: `\`kind:\` is one of ${ACTION_KINDS.map((k) => `\`${k}\``).join(', ')}.`,
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      const bad = item.badKind;
      if (!bad) continue;
      const range = tokenRange(item, bad);
      const written = bad.value.toLowerCase();
      const meant = ownValue(SYNONYMS, written) ?? likelyMeant(written, ACTION_KINDS, written.length >= 6 ? 2 : 1);
      const fixes: Fix[] = meant ? [{ title: `Write kind:${meant}`, edits: [{ range, newText: `kind:${meant}` }], isPreferred: true }] : [];
      ctx.report({ range, message: `Expected kind: to be one of ${ACTION_KINDS.join(', ')}, found kind:${bad.value}`, fixes });
    }
  },
};
