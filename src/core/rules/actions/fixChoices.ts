import type { ActionItem, PostmortemDocument } from '../../document/model';
import type { RuleContext } from '../../lint/rule';
import type { Fix } from '../../types';
import { CHOICE_PLACEHOLDER, distinctChoices } from './fixInput';
import { addDays, addTokenEdit, replaceDueEdit } from './itemEdits';
import { utcDay } from './itemRanges';

/**
 * Today's date for dates a fix writes: the writer's local date when the host knows it, else the UTC
 * date — and then the fix's title says so, since near midnight the two differ.
 */
export function fixToday(ctx: RuleContext): { date: string; label: string } {
  const local = ctx.fixFacts?.today;
  return local ? { date: local, label: 'today' } : { date: utcDay(ctx.now), label: 'today in UTC' };
}

/** "Assign to @me" when the person's name is known, and "Assign an owner…" with the names seen in the workspace. */
export function ownerFixes(ctx: RuleContext, doc: PostmortemDocument, item: ActionItem): Fix[] {
  const me = ctx.fixFacts?.userName;
  const fixes: Fix[] = [];
  if (me) fixes.push({ title: `Assign to @${me} (you)`, edits: [addTokenEdit(doc, item, `@${me}`, 'owner', `@${me}`)] });
  fixes.push({
    title: 'Assign an owner…',
    edits: [addTokenEdit(doc, item, `@${CHOICE_PLACEHOLDER}`, 'owner', `@${CHOICE_PLACEHOLDER}`)],
    input: {
      kind: 'owner',
      prompt: 'Who owns this action item? (a handle, as in @dana)',
      choices: distinctChoices([me, ...(ctx.fixFacts?.knownOwners ?? [])]),
      placeholder: CHOICE_PLACEHOLDER,
    },
  });
  return fixes;
}

/** Due dates offered in a pick list: the configured default first, then a week, a month. */
function dueChoices(today: string, defaultDays: number): string[] {
  return distinctChoices([addDays(today, defaultDays), addDays(today, 7), addDays(today, 30)]);
}

/** "Due in N days" (the configured default) and "Pick a due date…". */
export function dueFixes(ctx: RuleContext, doc: PostmortemDocument, item: ActionItem): Fix[] {
  const today = fixToday(ctx);
  const days = ctx.config.defaultDueDays;
  const date = addDays(today.date, days);
  return [
    { title: `Set the due date to ${date} (${days} day${days === 1 ? '' : 's'} from ${today.label})`, edits: [addTokenEdit(doc, item, `due:${date}`, 'due', date)] },
    {
      title: 'Pick a due date…',
      edits: [addTokenEdit(doc, item, `due:${CHOICE_PLACEHOLDER}`, 'due', CHOICE_PLACEHOLDER)],
      input: { kind: 'date', prompt: 'Due date of this action item (YYYY-MM-DD)', choices: dueChoices(today.date, days), placeholder: CHOICE_PLACEHOLDER },
    },
  ];
}

/** A new due date for an overdue item: a week from today, or one the person picks. */
export function moveDueFixes(ctx: RuleContext, doc: PostmortemDocument, item: ActionItem): Fix[] {
  const today = fixToday(ctx);
  const week = addDays(today.date, 7);
  const moved = replaceDueEdit(doc, item, week);
  const picked = replaceDueEdit(doc, item, CHOICE_PLACEHOLDER);
  if (!moved || !picked) return [];
  return [
    { title: `Move the due date to ${week} (a week from ${today.label})`, edits: [moved] },
    {
      title: 'Pick a new due date…',
      edits: [picked],
      input: { kind: 'date', prompt: `New due date (YYYY-MM-DD); it was ${item.due!.value}`, choices: dueChoices(today.date, ctx.config.defaultDueDays), placeholder: CHOICE_PLACEHOLDER },
    },
  ];
}
