import { parseActionText } from './itemGrammar';
import { findWrittenDue } from './dueWords';

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
  if (!text.includes('@') && !text.includes('due:') && !text.includes('\uff20') && !text.includes('due\uff1a')) return undefined;
  const parsed = parseActionText(text);
  const owner = parsed.owner !== undefined;
  const due = parsed.due !== undefined || parsed.badDue !== undefined;
  return owner || due ? { owner, due } : undefined;
}

/** "an owner and a due date", "an owner", "a due date". */
export function describeActionShape(shape: ActionShape): string {
  return shape.owner && shape.due ? 'an owner and a due date' : shape.owner ? 'an owner' : 'a due date';
}

/**
 * An owner named in words: `Owner: Kim`, `**Assignee:** lee`, `TODO(kim)`. The colon is required
 * ("talk to the owner of the DB" names nobody). Bounded quantifiers: linear on any text.
 */
const OWNER_WORDS = /(?:(?<=^|[\s([,;.\u2013\u2014-])(?:owners?|assignee|assigned[ \t]{1,3}to|dri)[ \t]{0,3}:[ \t]{0,3}(?=[@\p{L}])|\bTODO\([ \t]{0,3}@?[\p{L}][^()\s]{0,40}\))/iu;

/**
 * The shape of a plain bullet under Action items: the tokens (`@kim`, `due:…`) as `actionShape`
 * reads them, or the same written in words, as people write when they do not know the tokens and as
 * document exports give them: `Owner: Kim, Due: 2026-12-20`, `**Owner:** Kim **Due:** …`,
 * `— Due 2026-12-20`, `TODO(kim): … by 2026-12-24` (trial 15a F3: such lines were listed nowhere and
 * named by nothing). Only there: elsewhere such words are prose of a checklist or the narrative.
 */
export function bulletShape(text: string): ActionShape | undefined {
  const tokens = actionShape(text);
  // Emphasis marks around the words (`**Due:**`) would hide them from the word readers; same length, so spans stay.
  const plain = text.replace(/[*_]/g, ' ');
  const owner = (tokens?.owner ?? false) || OWNER_WORDS.test(plain);
  const due = (tokens?.due ?? false) || findWrittenDue(plain) !== undefined;
  return owner || due ? { owner, due } : undefined;
}
