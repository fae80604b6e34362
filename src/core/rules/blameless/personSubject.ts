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

/**
 * Verbs of omission that, after "did not" / "didn't" with a person as subject, say the person is the
 * cause ("Maria didn't follow the runbook"). "did not" alone is no blame: "did not receive the page",
 * "did not have access", "did not need to approve", "did not hesitate", "did not wait" (trial19c F3).
 * Knowing is left out too: "did not know the flag existed" says what the person could see, which is
 * what a blameless review asks for.
 */
const OMISSIONS = 'check|verify|test|follow|read|notice|escalate|page|alert|notify|tell|inform|communicate|update|review|run(?!\\s+into)|monitor|respond|acknowledge|ack|catch|look|ask|consult|document|validate|confirm|double-check|bother|report|revert|roll\\s+back|remember|call|investigate|heed|listen|pay\\s+attention';
/** Words that may sit between "did not" and the verb ("did not properly check"). */
const ADVERBS = 'properly|carefully|fully|thoroughly|correctly|adequately|even|actually|immediately';
/**
 * "Ana broke the problem into three workstreams", "Chen broke the work down", "Priya broke the news":
 * "broke" that splits or tells, not breaks (into/down/up/apart at most three words on).
 */
const NOT_SPLITTING = "(?!(?:\\s+[\\p{L}\\p{N}'’-]+){0,3}\\s+(?:into|down|up|apart)(?![\\p{L}\\p{N}_-])|\\s+the\\s+(?:news|tie|silence|ice|record)(?![\\p{L}\\p{N}_-]))";
/**
 * Hindsight about a person: "Bob should have caught this", "we should have noticed". With a system
 * as subject it says what a check was for ("our tests should have caught this"): not flagged, so the
 * subject must be a person (a name, a role, a pronoun below).
 */
const SHOULD_HAVE = "should(?:\\s+have|['’]ve)\\s+(?:noticed|caught|checked|spotted)";
/**
 * Verbs that, with a person as subject, say the person is the cause. "missed nothing", "forgot
 * nothing" and the like are not (the look-ahead after the group).
 */
const VERBS = `(?:forgot(?:\\s+to)?|failed\\s+to|did(?:n['’]t|\\s+not)(?:\\s+(?:${ADVERBS}))?\\s+(?:${OMISSIONS})|missed|broke${NOT_SPLITTING}|neglected\\s+to|overlooked|ignored|skipped|messed\\s+up|screwed\\s+up|${SHOULD_HAVE})(?!\\s+(?:nothing|none)(?![\\p{L}\\p{N}_-]))`;
/** A word of each verb above: every "<person> <verb>" match holds one (lower-case), see anchors.ts. */
const VERB_ANCHORS = ['forgot', 'failed', 'did', 'missed', 'broke', 'neglected', 'overlooked', 'ignored', 'skipped', 'messed', 'screw', 'should'];

/**
 * Roles that always mean a person (case-insensitive). "Operator" alone is left out: it is as often
 * software (the Postgres operator, a Kubernetes operator) as a person; "the human operator", "the
 * on-call operator" are people. "They"/"you" are left out: often a system or generic.
 */
const ROLE_NOUN = '(?:engineer|developer|on-?call(?:er)?|admin(?:istrator)?|sre|team\\s+member|responder|reviewer|intern|contractor)';
const PERSON_OPERATOR = '(?:human|on-?call|duty|shift|night|console)\\s+operator';
/** "the on-call engineer", "our release engineer", "an SRE", "On-call engineer" (a fishbone label has no article). */
const ROLE = `(?:(?:the|an?|our)\\s+)?(?:(?:(?:on-?call|primary|secondary|release|duty|support|database|deploying|junior|senior|new)\\s+)?${ROLE_NOUN}|${PERSON_OPERATOR})`;
const ROLES = `he|she|@[\\p{L}\\p{N}_](?:[\\p{L}\\p{N}_.-]*[\\p{L}\\p{N}_])?(?!/)|${ROLE}`;
const PEOPLE_PRONOUNS = 'we|i|you|someone|somebody|everyone|everybody';

const NOT_WORD_BEFORE = '(?<![\\p{L}\\p{N}_@-])';
const NOT_WORD_AFTER = '(?![\\p{L}\\p{N}_-])';

const SUGGESTION = 'describe what the system did or did not make easy ("the renewal had no reminder", "the runbook did not list the step")';
const HINDSIGHT_SUGGESTION = 'describe why the signal was easy to miss and what would make it visible';
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
    ...(roles ? [
      { re: new RegExp(`${NOT_WORD_BEFORE}(?:${ROLES})\\s+(?:${VERBS})${NOT_WORD_AFTER}`, 'giu'), suggestion: SUGGESTION, anchors: VERB_ANCHORS },
      { re: new RegExp(`${NOT_WORD_BEFORE}(?:${PEOPLE_PRONOUNS})\\s+${SHOULD_HAVE}${NOT_WORD_AFTER}`, 'giu'), suggestion: HINDSIGHT_SUGGESTION, anchors: ['should'] },
    ] : []),
    { re: new RegExp(`${NOT_WORD_BEFORE}[Bb]ecause\\s+of\\s+(?:${named}${objects})${NOT_WORD_AFTER}`, 'gu'), suggestion: BECAUSE_SUGGESTION, anchors: ['because'] },
    // "caused by @erin pushing on Friday", "caused by the on-call engineer", "messed up by Bob": a person as the cause.
    { re: new RegExp(`${NOT_WORD_BEFORE}(?:[Cc]aused|(?:[Mm]essed|[Ss]crewed)\\s+up)\\s+by\\s+(?:${named}${objects})${NOT_WORD_AFTER}`, 'gu'), suggestion: BECAUSE_SUGGESTION, anchors: ['caused', 'messed', 'screw'] },
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
