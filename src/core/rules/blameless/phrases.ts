import { negatedBefore, softwareOperatorBefore } from './context';
import { personSubjectMatchers } from './personSubject';

/**
 * Phrases that assign blame to people, each with a blameless way to say what was meant. Patterns are
 * regular-expression sources matched case-insensitively at word boundaries. Technical uses are
 * excluded where real post-mortems have them ("lazy loading", "fault tolerance", "git blame", "blameless"). People as the subject of a
 * failure ("Bob forgot to …", "the on-call missed …", "because of @dana") are personSubject.ts's.
 */
export interface BlamePhrase {
  readonly pattern: string;
  readonly suggestion: string;
  /**
   * A lower-case word that every match contains (after `toLowerCase`), the rarest such word: a
   * section without it cannot match, so the pattern is not run there (see anchors.ts).
   */
  readonly anchor: string;
  /** `software-operator`: not when the words before make it a program's ("the operator errors", "Postgres operator error"). */
  readonly unless?: 'software-operator';
}

/** A compiled phrase. `anchors`: words one of which every match contains (lower-case); absent: no such word is known. */
export interface BlameMatcher {
  readonly re: RegExp;
  readonly suggestion: string;
  readonly anchors?: readonly string[];
  /**
   * Whether a match is kept, given the text before it (at most `BEFORE` characters of its
   * paragraph or label, context.ts): a denial ("not human error") is not blame. Absent: always.
   */
  readonly keep?: (before: string) => boolean;
}

const SYSTEM = 'describe what in the system made the action possible (a missing guard, a confusing tool, an unclear runbook)';
const CONDITIONS = 'describe the conditions (time pressure, tooling, missing checks) that made the slip likely';

/** "Fault" as engineering uses it: "the disk's fault tolerance", "their fault handling". */
const NOT_TECHNICAL_FAULT = '(?!\\s+(?:tolerance|tolerant|handling|handler|injection|domains?|detection|isolation|zones?|codes?|lines?|trees?|model|analysis|analyses)(?![\\p{L}\\p{N}_-]))';

export const BUILTIN_BLAME_PHRASES: readonly BlamePhrase[] = [
  { pattern: 'human errors?', suggestion: SYSTEM, anchor: 'human' },
  { pattern: 'operator errors?', suggestion: SYSTEM, anchor: 'operator', unless: 'software-operator' },
  { pattern: `[\\p{L}\\p{N}_-]+(?<!nobody)['’]s fault${NOT_TECHNICAL_FAULT}`, suggestion: 'describe the conditions that led to the failure, not who', anchor: 'fault' },
  { pattern: `(?:his|her|their|your) fault${NOT_TECHNICAL_FAULT}`, suggestion: 'describe the conditions that led to the failure, not who', anchor: 'fault' },
  // The look-behinds sit after the word they guard, so they run only where the word is: before it,
  // their `\s+` rescanned a long run of white space at every position (quadratic).
  { pattern: 'fault(?<!(?:a|an|no|single|hardware|network|disk|power|transient) fault) of', suggestion: 'describe the conditions that led to the failure, not who', anchor: 'fault' },
  { pattern: "should(?: have|['’]ve) known", suggestion: 'describe what information was available at the time and why it was hard to see', anchor: 'known' },
  // "should have noticed/caught/checked" is personSubject.ts's: with a system as subject ("our tests should have caught this") it is no blame.
  { pattern: 'careless(?:ly|ness)?', suggestion: CONDITIONS, anchor: 'careless' },
  { pattern: 'negligen(?:t|tly|ce)', suggestion: CONDITIONS, anchor: 'negligen' },
  { pattern: 'reckless(?:ly|ness)?', suggestion: CONDITIONS, anchor: 'reckless' },
  { pattern: 'incompeten(?:t|ce)', suggestion: 'describe the knowledge or training the situation needed and how to provide it', anchor: 'incompeten' },
  { pattern: 'dropped the ball', suggestion: 'describe which step was missed and why the process let it be missed', anchor: 'ball' },
  { pattern: 'blam(?<!(?:no|not|without|not to|never|n[\'’]t|git|svn|hg) blam)(?:e|ed|es|ing)(?! (?:sense|language|wording|culture|words?|phrases?)(?![\\p{L}\\p{N}_-]))', suggestion: 'describe the contributing factors; a blameless review looks for causes, not culprits', anchor: 'blam' },
  // "messed up" / "screwed up" are personSubject.ts's: "Tom screwed up the rollback" blames, "the old chart messed up the PDB" does not.
  { pattern: 'stupid(?:ly|ity)?', suggestion: 'describe the action and what made it look reasonable at the time', anchor: 'stupid' },
  { pattern: 'lazy(?!\\s+(?:load|loads|loaded|loading|evaluation|init|initiali[sz]ation|instantiation|import|fetch|expiration|deletion|invalidation|continuation|check|iterator|promise|requires?|mode|compilation|binding|mount|pull|replication|sync))', suggestion: CONDITIONS, anchor: 'lazy' },
  { pattern: 'sloppy', suggestion: CONDITIONS, anchor: 'sloppy' },
  { pattern: 'mistakes? (?:made )?by', suggestion: 'describe the action and what made it look reasonable at the time', anchor: 'mistake' },
];

export const CUSTOM_PHRASE_SUGGESTION = 'describe what in the system or process made it happen, not who';

/** A user's plain phrase as a pattern: regex characters escaped, any whitespace between words. */
function phrasePattern(phrase: string): string {
  return phrase.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, ' ');
}

/**
 * A matcher with word boundaries on the sides given. Spaces in the source may be any whitespace,
 * line breaks included (soft-wrapped prose).
 */
function compilePhrase(source: string, bounded: { start: boolean; end: boolean } = { start: true, end: true }): RegExp {
  const before = bounded.start ? '(?<![\\p{L}\\p{N}_-])' : '';
  const after = bounded.end ? '(?![\\p{L}\\p{N}_-])' : '';
  return new RegExp(`${before}(?:${source.replace(/ /g, '\\s+')})${after}`, 'giu');
}

/** A configured phrase gets word boundaries only where it starts or ends with a letter of a spaced script, so a CJK phrase still matches inside CJK text. */
function customMatcher(phrase: string): RegExp {
  const p = phrase.trim();
  return compilePhrase(phrasePattern(p), { start: /^[A-Za-z0-9]/.test(p), end: /[A-Za-z0-9]$/.test(p) });
}

/**
 * Compiled once per phrase list and people. Each post-mortem lists its own people, so a lint run
 * over a folder meets many lists: the last few are remembered (bounded, cleared rather than grown),
 * and the built-in phrases are compiled once for all of them.
 */
const memo = new Map<string, BlameMatcher[]>();
const MEMO_SIZE = 64;
let builtins: BlameMatcher[] | undefined;

/** Built-in phrases are kept unless denied ("It was not human error", "wasn't anyone's fault"); a configured phrase is kept as written. */
const keepUndenied = (before: string) => !negatedBefore(before);
const keepPersonOperator = (before: string) => !negatedBefore(before) && !softwareOperatorBefore(before);

/** `people`: names the document lists as people, for "<Name> forgot to …" (see personSubject.ts). */
export function blameMatchers(extra: readonly string[], replace: boolean, people: readonly string[] = []): BlameMatcher[] {
  const key = `${replace}\u0000${extra.join('\u0000')}\u0001${people.join('\u0000')}`;
  const hit = memo.get(key);
  if (hit) return hit;
  builtins ??= BUILTIN_BLAME_PHRASES.map((p) => ({ re: compilePhrase(p.pattern), suggestion: p.suggestion, anchors: [p.anchor], keep: p.unless === 'software-operator' ? keepPersonOperator : keepUndenied }));
  const matchers = [
    // Fresh objects around the shared expressions: callers keep per-list state keyed by the list.
    ...(replace ? [] : builtins.map((m) => ({ ...m }))),
    ...(replace ? [] : personSubjectMatchers(people).map((m) => ({ ...m, keep: keepUndenied }))),
    ...extra.filter((p) => p.trim()).map((p) => ({ re: customMatcher(p), suggestion: CUSTOM_PHRASE_SUGGESTION })),
  ];
  if (memo.size >= MEMO_SIZE) memo.clear();
  memo.set(key, matchers);
  return matchers;
}
