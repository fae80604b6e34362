import type { BlameMatcher } from './phrases';

/**
 * "Bob forgot to …", "the on-call missed the page", "because of @dana": a person as the subject of
 * a failure. Systems fail too ("the job failed to start", "the deploy broke checkout"), so the
 * subject must be someone: a given name from a built-in list, a name the document itself lists as
 * a person (authors, participants, facilitator), an `@handle`, he/she, or a role ("the engineer").
 * Precision over recall: a capitalised word alone is not a person (Redis, Jenkins, Kafka are not).
 *
 * Every pattern is a fixed sequence of words (no nested repetition), so matching is linear in the
 * text's length.
 */

/** Common given names. Left out on purpose: names that are also tools or words (Ruby, Julia, Ada, Hugo, Jenkins, Travis, Cassandra, Will, Mark, May, Max, Grace, Hope, …). */
const GIVEN_NAMES = [
  'Aaron', 'Adam', 'Ahmed', 'Aisha', 'Alan', 'Alex', 'Alice', 'Alicia', 'Amy', 'Ana', 'Andrea', 'Andrew', 'Andy', 'Angela', 'Anna', 'Anne',
  'Anthony', 'Arjun', 'Ben', 'Benjamin', 'Bob', 'Brian', 'Carlos', 'Carol', 'Catherine', 'Charlie', 'Chen', 'Chris', 'Christina', 'Claire',
  'Dan', 'Dana', 'Daniel', 'Dave', 'David', 'Diana', 'Dmitri', 'Emily', 'Emma', 'Eric', 'Erik', 'Eve', 'Fatima', 'Frank', 'Fred', 'Gary',
  'George', 'Hannah', 'Hans', 'Helen', 'Ivan', 'Jake', 'James', 'Jane', 'Jason', 'Jeff', 'Jennifer', 'Jessica', 'Jim', 'Joe', 'John',
  'Jon', 'Jonathan', 'Jose', 'Juan', 'Karen', 'Kate', 'Kevin', 'Laura', 'Li', 'Linda', 'Lisa', 'Lucas', 'Luis', 'Maria', 'Marie', 'Mary',
  'Matt', 'Matthew', 'Michael', 'Michelle', 'Mike', 'Mohammed', 'Nancy', 'Nick', 'Nina', 'Oliver', 'Olga', 'Omar', 'Paul', 'Peter',
  'Priya', 'Rachel', 'Rahul', 'Raj', 'Rebecca', 'Richard', 'Rob', 'Robert', 'Ryan', 'Sam', 'Sarah', 'Sara', 'Scott', 'Sean', 'Sophie',
  'Stephen', 'Steve', 'Susan', 'Tom', 'Tim', 'Thomas', 'Tony', 'Wei', 'Yuki', 'Zoe',
];

/** Verbs that, with a person as subject, say the person is the cause. */
const VERBS = "forgot(?:\\s+to)?|failed\\s+to|did(?:n['’]t|\\s+not)|missed|broke|neglected\\s+to|overlooked";
/** A word of each verb above: every "<person> <verb>" match holds one (lower-case), see anchors.ts. */
const VERB_ANCHORS = ['forgot', 'failed', 'did', 'missed', 'broke', 'neglected', 'overlooked'];

/** Roles and pronouns that always mean a person (case-insensitive). "They"/"you" are left out: often a system or generic. */
const ROLE_NOUN = '(?:engineer|operator|developer|on-?call(?:er)?|admin(?:istrator)?|sre|team\\s+member|responder|reviewer|intern|contractor)';
/** "the on-call engineer", "our release engineer", "an SRE", "On-call engineer" (a fishbone label has no article). */
const ROLE = `(?:(?:the|an?|our)\\s+)?(?:(?:on-?call|primary|secondary|release|duty|support|database|deploying|junior|senior|new)\\s+)?${ROLE_NOUN}`;
const ROLES = `he|she|@[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_])?(?!/)|${ROLE}`;

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}_@-])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}_-])';

const SUGGESTION = 'describe what the system did or did not make easy ("the renewal had no reminder", "the runbook did not list the step")';
const BECAUSE_SUGGESTION = 'name the condition that made the action possible, not the person ("because the deploy had no canary")';

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Names the document lists as people: capitalised words of `authors`, `participants` and
 * `facilitator` ("Dana Lee" → Dana, Lee). Handles (`dana`) are matched as `@dana` by the role pattern.
 */
export function documentPeople(meta: Readonly<Record<string, unknown>>): string[] {
  const values: unknown[] = [meta.facilitator, ...(Array.isArray(meta.authors) ? meta.authors : []), ...(Array.isArray(meta.participants) ? meta.participants : [])];
  const names = new Set<string>();
  for (const v of values.slice(0, 200)) {
    if (typeof v !== 'string') continue;
    for (const word of v.slice(0, 200).split(/[\s,()]+/)) if (/^\p{Lu}\p{Ll}+$/u.test(word) && word.length <= 40) names.add(word);
  }
  return [...names].sort();
}

/**
 * The person-subject matchers for names `names` (longest first, so "Danielle" is tried before
 * "Dan"), the role and pronoun patterns with them when `roles`.
 */
function matchersFor(names: readonly string[], roles: boolean): BlameMatcher[] {
  const alternatives = [...names].sort((a, b) => b.length - a.length).map(escape).join('|');
  // A name, optionally with a surname ("Bob Smith"); case-sensitive, so "bob" the word and sentence-initial words are not names.
  const named = `(?:${alternatives})(?:\\s+\\p{Lu}[\\p{Ll}'’-]+)?`;
  const objects = roles ? `|${ROLES.replace('he|she|', 'him|her|')}` : '';
  return [
    { re: new RegExp(`${NOT_WORD_BEFORE}${named}\\s+(?:${VERBS})${NOT_WORD_AFTER}`, 'gu'), suggestion: SUGGESTION, anchors: VERB_ANCHORS },
    ...(roles ? [{ re: new RegExp(`${NOT_WORD_BEFORE}(?:${ROLES})\\s+(?:${VERBS})${NOT_WORD_AFTER}`, 'giu'), suggestion: SUGGESTION, anchors: VERB_ANCHORS }] : []),
    { re: new RegExp(`${NOT_WORD_BEFORE}[Bb]ecause\\s+of\\s+(?:${named}${objects})${NOT_WORD_AFTER}`, 'gu'), suggestion: BECAUSE_SUGGESTION, anchors: ['because'] },
    // "caused by @erin pushing on Friday", "caused by the on-call engineer": a person as the cause.
    { re: new RegExp(`${NOT_WORD_BEFORE}[Cc]aused\\s+by\\s+(?:${named}${objects})${NOT_WORD_AFTER}`, 'gu'), suggestion: BECAUSE_SUGGESTION, anchors: ['caused'] },
  ];
}

/**
 * The built-in names' matchers, compiled once: their ~130-name alternation cost ~6 ms to compile
 * (on first use), which, rebuilt with each post-mortem's own authors, was more than the rest of
 * that file's lint.
 */
let builtinNames: BlameMatcher[] | undefined;
const GIVEN = new Set(GIVEN_NAMES);

/**
 * The person-subject matchers for a document whose people are `people`: the built-in names and
 * roles, then the document's other names in small patterns of their own (cheap to compile). A
 * name's match is the same either way; where a built-in and a listed name overlap, the one
 * listed first below is reported.
 */
export function personSubjectMatchers(people: readonly string[]): BlameMatcher[] {
  builtinNames ??= matchersFor(GIVEN_NAMES, true);
  const own = [...new Set(people)].filter((p) => !GIVEN.has(p));
  // Fresh objects around the shared expressions: callers keep per-list state keyed by the list.
  return [...builtinNames.map((m) => ({ ...m })), ...(own.length ? matchersFor(own, false) : [])];
}
