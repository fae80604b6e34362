import assert from 'node:assert/strict';
import { handleProblem, MAX_HANDLE, personPair } from '../../../src/core/actions/ownerHandle';
import { parseActionText } from '../../../src/core/actions/itemGrammar';
import { readOwnerCell } from '../../../src/core/actions/tableCells';
import { ownerKey } from '../../../src/core/actions/ownerKey';

/**
 * Owner handles are read as GitHub reads them (letters, digits, single hyphens, none first or last,
 * at most 39 characters, `@org/team`), with `.` and `_` inside for GitLab and Jira usernames and
 * letters of any script. An `@` token that is not a handle is reported whole, never cut short: an
 * old `convert` wrote `@Devon-/-Kevin`, which every reader took as owner Devon (trial11 T2).
 */
describe('owner handles (actions/ownerHandle.ts)', () => {
  it('accepts handles as GitHub, GitLab and Jira write them', () => {
    for (const h of ['bob', 'ana-lima', 'a1-b2-c3', 'ana.lima', 'j_doe', '_bot', '王伟', 'zoë', 'octo-org/sre-team', 'x'.repeat(MAX_HANDLE)]) {
      assert.equal(handleProblem(h), undefined, h);
    }
  });

  it('reads a handle typed in decomposed Unicode (a Mac\'s `@zoë`: z o e U+0308) as the same handle (trial13a F16)', () => {
    const decomposed = 'zoe\u0308';
    assert.notEqual(decomposed, 'zoë');
    assert.equal(handleProblem(decomposed), undefined);
    assert.equal(handleProblem('Zoe\u0308/Jose\u0301'), 'could be two people (Zoe\u0308 and Jose\u0301) or a team, which GitHub writes @org/team-slug with the slug in lower case (@zoe\u0308/jose\u0301)');
    // Scripts that write vowels as marks (Devanagari): a mark after a letter belongs to it.
    assert.equal(handleProblem('प्रिया'), undefined);
    // A mark with no letter before it is still no handle, and the message names it (it looks like nothing).
    assert.equal(handleProblem('-\u0308a'), 'holds "\u0308" (U+0308, a combining mark), which a handle cannot (letters, digits, single hyphens; "." and "_" inside)');
    const p = parseActionText('Add alert @zoe\u0308 due:2026-12-20');
    assert.equal(p.owner?.value, 'zoe\u0308');
    assert.equal(p.badOwner, undefined);
    assert.equal(ownerKey('@zoe\u0308'), ownerKey('Zoë'));
  });

  it('says why a token is not a handle', () => {
    assert.equal(handleProblem('bob-'), 'ends with "-"');
    assert.equal(handleProblem('-bob'), 'starts with "-"');
    assert.equal(handleProblem('dana--lee'), 'has "--" in a row (a handle has single hyphens)');
    assert.equal(handleProblem('a.-b'), 'has ".-" in a row (a handle has single hyphens)');
    assert.equal(handleProblem("o'brien"), 'holds "\'", which a handle cannot (letters, digits, single hyphens; "." and "_" inside)');
    assert.equal(handleProblem('x'.repeat(MAX_HANDLE + 1)), 'is 40 characters long (a handle has at most 39)');
    assert.equal(handleProblem('Devon-/-Kevin'), 'is neither a handle nor an organisation\'s team (@org/team): the part before "/" ends with "-"');
    assert.equal(handleProblem('org/'), 'is neither a handle nor an organisation\'s team (@org/team)');
    assert.equal(handleProblem('a/b/c'), 'is neither a handle nor an organisation\'s team (@org/team)');
  });

  it('@Devon/Kevin (two capitalised names) is two people or a team: not read as one owner, said; a team as GitHub writes it still is one', () => {
    assert.equal(handleProblem('Devon/Kevin'), 'could be two people (Devon and Kevin) or a team, which GitHub writes @org/team-slug with the slug in lower case (@devon/kevin)');
    assert.deepEqual(personPair('Zoë/José'), ['Zoë', 'José']);
    for (const team of ['octo-org/sre', 'Acme/SRE', 'acme/platform', 'Devon/kevin', 'devon/Kevin', 'Acme/Team-A', 'Acme/T']) {
      assert.equal(handleProblem(team), undefined, team);
      assert.equal(personPair(team), undefined, team);
    }
    const p = parseActionText('Rotate the keys @Devon/Kevin due:2026-12-20');
    assert.equal(p.owner, undefined);
    assert.equal(p.badOwner?.value, 'Devon/Kevin');
    assert.equal(p.description, 'Rotate the keys @Devon/Kevin');
    assert.deepEqual(readOwnerCell('@Devon/Kevin'), { badOwner: { value: 'Devon/Kevin', start: 0, end: 12 } });
    assert.equal(readOwnerCell('@Acme/SRE').owner?.value, 'Acme/SRE');
  });

  it('the item grammar reports the whole token, keeps it in the description, and reads no owner from it', () => {
    const p = parseActionText('Rotate the keys @Devon-/-Kevin due:2026-12-20');
    assert.equal(p.owner, undefined);
    assert.deepEqual(p.badOwner, { value: 'Devon-/-Kevin', start: 16, end: 30 });
    assert.equal(p.description, 'Rotate the keys @Devon-/-Kevin');
    assert.equal(p.due?.value, '2026-12-20');
  });

  it('the item grammar takes the handle before a sentence\'s dot, a possessive, a comma or a bracket', () => {
    for (const [text, owner, end] of [['ask @bob.', 'bob', 8], ["fix @bob's script", 'bob', 8], ['(@ana-lima, P1)', 'ana-lima', 10], ['owner @ana.lima.', 'ana.lima', 15]] as const) {
      const p = parseActionText(text);
      assert.equal(p.owner?.value, owner, text);
      assert.equal(p.owner?.end, end, text);
      assert.equal(p.badOwner, undefined, text);
    }
  });

  it('a bad token before a handle: the handle is the owner, the bad token is still reported', () => {
    const p = parseActionText('Do it @x+y @lee');
    assert.equal(p.owner?.value, 'lee');
    assert.equal(p.badOwner?.value, 'x+y');
    assert.equal(p.otherOwner, undefined);
  });

  it('an Owner cell: the same reading; a slash before another @ separates two people', () => {
    assert.deepEqual(readOwnerCell('@Devon-/-Kevin'), { badOwner: { value: 'Devon-/-Kevin', start: 0, end: 14 } });
    assert.deepEqual(readOwnerCell('@alice/@bob'), { owner: { value: 'alice', start: 0, end: 6 }, otherOwner: { value: 'bob', start: 7, end: 11 } });
    assert.deepEqual(readOwnerCell('@octo-org/sre'), { owner: { value: 'octo-org/sre', start: 0, end: 13 } });
    assert.equal(readOwnerCell('Devon / Kevin').owner?.value, 'Devon', 'plain names as before');
  });

  it('reads a long run of signs after @ in linear time (one token, one pass)', () => {
    const text = `@${'-/'.repeat(200_000)} @bob`;
    const p = parseActionText(text);
    assert.equal(p.owner?.value, 'bob');
    assert.equal(p.badOwner?.value.length, 400_000);
  });
});

describe('the owner token is one class of characters everywhere', () => {
  it('the item grammar and the Owner cell reader end an @ token where OWNER_TOKEN_BODY says', async () => {
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { OWNER_TOKEN_BODY } = await import('../../../src/core/actions/ownerHandle');
    for (const file of ['itemGrammar.ts', 'tableCells.ts']) {
      const source = readFileSync(join(__dirname, '../../../src/core/actions', file), 'utf8');
      assert.ok(source.includes(`@(${OWNER_TOKEN_BODY})`), `${file} reads @(${OWNER_TOKEN_BODY})`);
    }
  });
});
