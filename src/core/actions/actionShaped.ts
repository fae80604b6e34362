import { parseActionText } from './itemGrammar';

/** What makes a task item read as an action item: an owner, a due date, or both. */
export interface ActionShape {
  readonly owner: boolean;
  readonly due: boolean;
}

/**
 * Whether a task item's text (after its `[ ]`) reads as an action item: it names an owner (`@dana`,
 * even a placeholder `@owner`) or a `due:` date. A checklist line (`- [x] Timeline reviewed`) does
 * not; outside the Action items section such a line is a checklist, and one with an owner or due
 * date is an action item written in the wrong place (actions/outside-section, `postmortem actions`).
 */
export function actionShape(text: string): ActionShape | undefined {
  // Both tokens need these characters (itemGrammar's TOKEN: `@name`, `due:` / no due words here):
  // most lines of a post-mortem have neither, and the full reading builds the description too.
  if (!text.includes('@') && !text.includes('due:')) return undefined;
  const parsed = parseActionText(text);
  const owner = parsed.owner !== undefined;
  const due = parsed.due !== undefined || parsed.badDue !== undefined;
  return owner || due ? { owner, due } : undefined;
}

/** "an owner and a due date", "an owner", "a due date". */
export function describeActionShape(shape: ActionShape): string {
  return shape.owner && shape.due ? 'an owner and a due date' : shape.owner ? 'an owner' : 'a due date';
}
