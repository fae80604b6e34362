import type { Rule } from '../../lint/rule';
import { ownerFixes } from './fixChoices';
import { itemTextRange, quoteItem } from './itemRanges';
import { continuationNote, continuationToken } from './continuationTokens';

/**
 * Open action items need someone who owns them: items without an owner are the ones that never get
 * done. Done items are left alone. Drafts get a softer grade while the review is still being written.
 * The fixes assign the person (`postmortem.userName`) or a chosen owner — never a guessed one.
 */
export const missingOwner: Rule = {
  code: 'actions/missing-owner',
  defaultSeverity: 'warning',
  description: 'Every open action item names an owner (`@name`, or the Owner column of an action table).',
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      // An `@` token that is not a handle is actions/bad-owner's: it says the item has no owner.
      if (item.isDone || item.owner || item.badOwner) continue;
      const how = item.form === 'table' ? 'in the Owner column' : '(`@name`)';
      // `- [ ] Add alert` / `  owner @a`: the owner is there, on the next line, where it is not read (trial13a).
      const below = continuationToken(ctx.doc, item, 'owner');
      ctx.report({
        range: itemTextRange(item),
        severity: ctx.status === 'draft' ? 'info' : undefined,
        message: `Expected an owner ${how} on ${below ? 'the task line of ' : ''}action item ${quoteItem(item)}${below ? continuationNote(below, 'an owner') : ''}`,
        fixes: below ? [below.fix] : ownerFixes(ctx, ctx.doc, item),
      });
    }
  },
};
