/**
 * What an `@owner` token is, for every reader of action items (the item grammar, an Owner cell,
 * and through them lint, the index, `postmortem actions`, the sidebar and the metrics).
 *
 * Handles are read the way GitHub reads them: letters and digits, single hyphens between them, no
 * hyphen first or last, at most 39 characters; `@org/team` is a team. Two things are kept from the
 * other trackers the format serves, as the format always did: letters of any script (`@王伟`,
 * `@zoë`), and `.` and `_` inside a handle (GitLab, Jira and Bitbucket usernames: `@ana.lima`,
 * `@j_doe`; GitLab allows them, and refusing them would flag every such team's files). A dot is
 * never first or last (`@bob.` ends a sentence), and no two of `-` `.` come in a row.
 *
 * The token is everything after the `@` up to a space or a sign that cannot be in a handle and
 * plainly ends it (`,` `;` `:` `!` `?` brackets, quotes, `*`); a sentence's dots and a possessive
 * `'s` after it are not part of it. What is left is either a handle or not: `@Devon-/-Kevin` (what
 * an old `convert` wrote for "Devon / Kevin") is not read as owner `@Devon` with "-/-Kevin" as text,
 * as it was, but reported whole (actions/bad-owner).
 *
 * `@Devon/Kevin` has the form of a GitHub team, but GitHub writes a team as `@org/team-slug` and
 * makes every slug lower case (`@octo-org/sre-team`): two capitalised names around a slash are two
 * people as often as a team written by hand, and the tool has no organisation to ask. It is not read
 * as one owner (a team nobody named) without a word: it is reported with both readings and a fix for
 * each (actions/bad-owner), and `actions` and the sidebar show "no owner (@Devon/Kevin: two people or a team?)".
 */

/** Characters that end an `@` token without being part of it (each a plain stop: no backtracking). */
export const OWNER_TOKEN_BODY = '[^\\s,;:!?()[\\]{}<>"`*|@]+';

/** The longest GitHub user or organisation name. */
export const MAX_HANDLE = 39;

export interface OwnerToken {
  /** The token's text after `@`, without a sentence's dots or a possessive `'s` after it. */
  readonly written: string;
  /** Why `written` is not a handle; undefined when it is one. */
  readonly problem?: string;
}

const isWordChar = (c: string) => /[\p{L}\p{N}_]/u.test(c);

/**
 * The token `@<body>` as written (`body` matched OWNER_TOKEN_BODY): its handle, or why it is none.
 * `nextIsAt`: an `@` follows the body (`@alice/@bob` in an Owner cell): a `/` before it separates two people.
 */
export function readOwnerToken(body: string, nextIsAt = false): OwnerToken {
  let written = nextIsAt && body.endsWith('/') ? body.slice(0, -1) : body;
  // "Ask @bob.", "@bob's alert", "@ana’s": the sentence's signs, not the handle's.
  const possessive = /['’]s?$/.exec(written);
  if (possessive && written.length > possessive[0].length) written = written.slice(0, -possessive[0].length);
  let end = written.length;
  while (end > 0 && written[end - 1] === '.') end--;
  written = written.slice(0, end);
  return { written, problem: handleProblem(written) };
}

/** Why `handle` (without its `@`) is not an owner handle, or undefined when it is one. */
export function handleProblem(handle: string): string | undefined {
  if (handle === '') return 'nothing follows the @';
  if (handle.includes('@')) return 'holds a second "@" (an e-mail address?), which a handle cannot';
  const slash = handle.indexOf('/');
  if (slash !== -1) {
    // `@org/team`, a GitHub team: the organisation is a handle, the team a slug (letters, digits, `-`, `_`).
    const org = handle.slice(0, slash);
    const team = handle.slice(slash + 1);
    const orgProblem = nameProblem(org);
    if (orgProblem || team === '' || team.includes('/')) return `is neither a handle nor an organisation's team (@org/team)${orgProblem ? `: the part before "/" ${orgProblem}` : ''}`;
    const teamProblem = nameProblem(team);
    if (teamProblem) return `the team name after "/" ${teamProblem}`;
    const pair = personPair(handle);
    return pair ? `could be two people (${pair[0]} and ${pair[1]}) or a team, which GitHub writes @org/team-slug with the slug in lower case (@${handle.toLowerCase()})` : undefined;
  }
  return nameProblem(handle);
}

/** A personal name as people write one: a capital, then small letters (`Devon`, `Zoë`, `José`). */
const PERSON_NAME = /^\p{Lu}\p{Ll}+$/u;

/**
 * The two names of `@Devon/Kevin`: both sides written as personal names, which a GitHub team's
 * lower-case slug never is; undefined for anything else (`octo-org/sre`, `Acme/SRE`, `devon/kevin`).
 */
export function personPair(handle: string): readonly [string, string] | undefined {
  const slash = handle.indexOf('/');
  if (slash === -1) return undefined;
  const first = handle.slice(0, slash);
  const second = handle.slice(slash + 1);
  return PERSON_NAME.test(first.normalize('NFC')) && PERSON_NAME.test(second.normalize('NFC')) ? [first, second] : undefined;
}

/** How `actions` and the sidebar say, after the token, why it gave no owner: " is not a handle", or ": two people or a team?". */
export function badOwnerNote(token: string): string {
  return personPair(token) ? ': two people or a team?' : ' is not a handle';
}

const isMark = (c: string) => /\p{M}/u.test(c);

/**
 * Why one name (a user, an organisation or a team) is not a handle. Read in Unicode's composed
 * form (NFC): `@zoë` typed on a Mac or pasted from one is often z o e U+0308 (decomposed), which
 * looks the same and is the same name (trial13a F16). A combining mark after a letter or digit
 * belongs to it (`@प्रिया`: Devanagari writes vowels as marks), never first or after a sign.
 */
function nameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  const chars = Array.from(name.normalize('NFC'));
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (isMark(c) && i > 0 && (isWordChar(chars[i - 1]) || isMark(chars[i - 1]))) continue;
    if (!isWordChar(c) && c !== '-' && c !== '.') return `holds "${c}"${isMark(c) ? ` (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}, a combining mark)` : ''}, which a handle cannot (letters, digits, single hyphens; "." and "_" inside)`;
  }
  if (chars[0] === '-' || chars[0] === '.') return `starts with "${chars[0]}"`;
  const last = chars[chars.length - 1];
  if (last === '-' || last === '.') return `ends with "${last}"`;
  for (let i = 1; i < chars.length; i++) {
    if ((chars[i] === '-' || chars[i] === '.') && (chars[i - 1] === '-' || chars[i - 1] === '.')) return `has "${chars[i - 1]}${chars[i]}" in a row (a handle has single hyphens)`;
  }
  if (chars.length > MAX_HANDLE) return `is ${chars.length} characters long (a handle has at most ${MAX_HANDLE})`;
  return undefined;
}
