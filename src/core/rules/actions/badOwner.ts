import { handleProblem, MAX_HANDLE, personPair } from '../../actions/ownerHandle';
import type { Rule } from '../../lint/rule';
import type { Fix, Range } from '../../types';
import { quoteItem, tokenRange } from './itemRanges';

/**
 * `@Devon-/-Kevin`, `@bob-`, `@o'brien`: an `@` token that is not a handle (actions/ownerHandle.ts).
 * It was read as owner `@Devon` with "-/-Kevin" as text, silently (what an old `convert` wrote for
 * "Devon / Kevin"); now no owner is read from it and this says why. The fix joins the token's names
 * with hyphens, as a handle is written; it is not the preferred fix when the token holds several
 * names, which may be two people (keep one as the owner, the other in the item's words).
 * `@Devon/Kevin` (two capitalised names: two people or a team written by hand) gets one fix per
 * reading instead — either person as the owner with the other in brackets, as `convert` writes a
 * second person, or the team as GitHub writes it, in lower case — none preferred: only the team knows.
 */
export const badOwner: Rule = {
  code: 'actions/bad-owner',
  defaultSeverity: 'warning',
  description: `An \`@owner\` is a handle: letters and digits, single hyphens (\`.\` and \`_\` inside), at most ${MAX_HANDLE} characters, or \`@org/team\` (not \`@Devon/Kevin\`: two people or a team? GitHub writes a team's slug in lower case).`,
  check(ctx) {
    for (const item of ctx.doc.actionItems) {
      const bad = item.badOwner;
      if (!bad) continue;
      const range = tokenRange(item, bad);
      const names = namesOf(bad.value);
      const joined = names.join('-');
      const pair = personPair(bad.value);
      const fixes: Fix[] = bad.value.includes('@')
        ? addressFixes(bad.value, range)
        : pair
        ? [
          { title: `Make @${pair[0]} the owner (${pair[1]} kept in the text)`, edits: [{ range, newText: `@${pair[0]} (${pair[1]})` }] },
          { title: `Make @${pair[1]} the owner (${pair[0]} kept in the text)`, edits: [{ range, newText: `@${pair[1]} (${pair[0]})` }] },
          { title: `It is a GitHub team: write it @${bad.value.toLowerCase()}`, edits: [{ range, newText: `@${bad.value.toLowerCase()}` }] },
        ]
        : names.length > 0 && joined.length <= MAX_HANDLE && handleProblem(joined) === undefined
          ? [{ title: `Write the owner as @${joined}`, edits: [{ range, newText: `@${joined}` }], isPreferred: names.length === 1 }]
          : [];
      const two = names.length > 1 && !bad.value.includes('@') ? `; if it names ${names.length === 2 ? 'two people' : 'several people'}, keep one as the owner and write the other${names.length === 2 ? '' : 's'} in the item's text` : '';
      const shown = bad.value.length > 60 ? `${bad.value.slice(0, 57)}…` : bad.value;
      const used = item.owner ? `; the item's owner is @${item.owner.value}` : '; until then the item has no owner';
      ctx.report({
        range,
        message: `Expected an owner handle (letters, digits, single hyphens), found "@${shown}" on action item ${quoteItem(item)}: it ${handleProblem(bad.value) ?? 'is not a handle'}, so it is not read as the owner${two}${used}`,
        fixes,
      });
    }
  },
};

/** The runs of letters, digits and `_` in a token (`Devon-/-Kevin` → Devon, Kevin), by hand: no regular expression over user text. */
function namesOf(token: string): string[] {
  const names: string[] = [];
  let current = '';
  for (const c of token) {
    if (/[\p{L}\p{N}_]/u.test(c)) current += c;
    else if (current) {
      names.push(current);
      current = '';
    }
  }
  if (current) names.push(current);
  return names;
}

/**
 * `@kim@acme.com`: the name before the address may be the owner's handle, but only the author knows
 * (and the address is personal data, redaction/email), so the fix is offered, not preferred.
 */
function addressFixes(value: string, range: Range): Fix[] {
  const name = value.slice(0, value.indexOf('@'));
  return handleProblem(name) === undefined ? [{ title: `Make @${name} the owner (the address removed)`, edits: [{ range, newText: `@${name}` }] }] : [];
}
