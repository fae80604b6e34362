import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { findMermaidBlocks } from '../../../src/core/diagrams/blocks';
import { ownerOf } from '../../../src/core/import/convert/actions';
import { headingText } from '../../../src/core/import/convert/headingLine';
import { unlinked } from '../../../src/core/import/convert/links';
import { labelOf, metadataField, people, severityOf } from '../../../src/core/import/convert/metadata';
import { trailingStamp } from '../../../src/core/import/convert/timeline';
import { trailingCommentStart } from '../../../src/core/rules/actions/itemEdits';
import { BUILTIN_BLAME_PHRASES, blameMatchers } from '../../../src/core/rules/blameless/phrases';
import { keyOfLabel } from '../../../src/core/rules/impact/impactTable';
import { withoutClosingPipe } from '../../../src/core/text/closingPipe';
import { comparable } from '../../../src/vscode/actions/actionItemEdits';
import { withoutTrailingSlashes } from '../../../src/vscode/config/configCache';
import { fileNameOf } from '../../../src/vscode/diagrams/restoreBlock';
import { assertLinearGrowth } from './linearGrowth';

/**
 * The super-linear patterns of issue 9 (listed as exceptions in the audit until now), rewritten.
 * For each: the old pattern, kept here as the reference, agrees with the rewrite on random short
 * strings of the characters that make patterns backtrack (so the near misses are covered too), and
 * the rewrite reads recheck's attack string (or a worse one) in linear time at 1, 10 and 100 KB.
 */

/** Characters the attack strings are made of: white space of every kind, separators, brackets, markers. */
const HOSTILE = [' ', ' ', '\t', '\n', '\r', '\u2028', '\u00a0', ':', ',', ';', '.', '-', '|', '\\', '*', '_', '`', '#', '~', '[', ']', '(', ')', '<', '!', '>', '/', '?', 'a', 'A', 'b', 'x', '1'];
const hostile = (words: readonly string[] = [], maxLength = 24) =>
  fc.array(fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom(...(words.length ? words : ['a']))), { maxLength }).map((parts) => parts.join(''));
const RUNS = { numRuns: 3000 };

/** The old metadata patterns, as they were. */
const OLD = {
  labelLine: /^\s*(?:[-*+]\s+)?(?:\*\*|__)([^*_]{1,40}?)(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)\s*(.*)$/,
  plainLabelLine: /^\s*(?:[-*+]\s+)?([A-Za-z][A-Za-z ]{1,30}?)\s*:\s+(.+)$/,
  eventLine: /^\s*[-*+]\s+((?:first\s+)?detected|fault occurs|fault detected|team aware|incident declared|resolved|started|mitigated|repaired)\s{1,3}(?=\d)(.+)$/i,
  bareLabelLine: /^\s*(?:[-*+]\s+)?(?:\*\*|__)([^*_]{1,40}?)(?::\s*)?(?:\*\*|__)\s*:?\s*$/,
  severity: /^(?:sev(?:erity)?\s*-?\s*|p|level\s*)([1-4])\b/i,
};

function oldLabelOf(text: string): { label: string; value: string } | undefined {
  const bare = OLD.bareLabelLine.exec(text);
  if (bare) return { label: bare[1].trim(), value: '' };
  const m = OLD.labelLine.exec(text) ?? OLD.eventLine.exec(text);
  if (m) return { label: m[1].trim(), value: m[2].trim() };
  const p = OLD.plainLabelLine.exec(text);
  return p && metadataField(p[1]) ? { label: p[1].trim(), value: p[2].trim() } : undefined;
}

function oldSeverityOf(value: string): string | undefined {
  const v = value.replace(/[*_`]/g, '').trim();
  const n = OLD.severity.exec(v) ?? /^([1-4])$/.exec(v);
  return n ? `SEV${n[1]}` : severityOf(value);
}

function oldPeople(value: string): string[] {
  return value
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .split(/\s*(?:,|;|\band\b|&|<br\s*\/?>)\s*/i)
    .map((p) => p.replace(/[*_`]/g, '').trim())
    .filter((p) => p.length > 0 && p.length < 60);
}

function oldKeyIsUsersAffected(label: string): boolean {
  return /\busers?\b.*\baffected\b|\baffected\b.*\b(?:users?|customers?)\b|\bcustomers?\b.*\baffected\b/.test(label.toLowerCase());
}

const OLD_OPEN_FENCE = /^( {0,3})(`{3,}|~{3,})(.*)$/;

describe('rewritten patterns (issue 9): same answers as before, linear time', function () {
  this.timeout(120_000);

  describe('convert: metadata labels', () => {
    const words = ['**', '__', 'Owner', 'Date', 'Status', 'Sev', 'sev', 'severity', 'P', 'level', '- ', '* ', 'detected ', '2024-05-01', 'A', ' : '];

    it('labelOf agrees with the old patterns, near misses included', () => {
      fc.assert(fc.property(hostile(words), (text) => assert.deepEqual(labelOf(text), oldLabelOf(text), JSON.stringify(text))), RUNS);
    });

    it('reads the lines the old patterns read, and not the near misses', () => {
      assert.deepEqual(labelOf('**Owner:** Ana Lima'), { label: 'Owner', value: 'Ana Lima' });
      assert.deepEqual(labelOf('- __Date__: 2024-05-01  '), { label: 'Date', value: '2024-05-01' });
      assert.deepEqual(labelOf('**Key events**'), { label: 'Key events', value: '' });
      assert.deepEqual(labelOf('**Timeline:**  :  '), { label: 'Timeline', value: '' });
      assert.deepEqual(labelOf('Status:   draft'), { label: 'Status', value: 'draft' });
      assert.deepEqual(labelOf('Owner   :\tAna'), { label: 'Owner', value: 'Ana' });
      assert.equal(labelOf('Status:'), undefined, 'a label with nothing after the colon');
      assert.equal(labelOf('Status: '), undefined, 'only one space after the colon');
      assert.equal(labelOf('**Owner:** Ana\u2028Lima'), undefined, 'a line separator in the value');
      assert.equal(labelOf('Stat\tus: draft'), undefined, 'a tab inside the label');
    });

    it('metadataField ignores trailing colons and white space of any kind', () => {
      assert.equal(metadataField('Owner:'), 'authors');
      assert.equal(metadataField('**Severity** : \t\u00a0'), 'severity');
      assert.equal(metadataField('Owner:x'), undefined);
    });

    it('severityOf agrees with the old pattern', () => {
      fc.assert(fc.property(hostile(['sev', 'SEV', 'severity', 'p', 'P', 'level', '1', '4', '5', '-', ' ', 'critical']), (v) => assert.equal(severityOf(v), oldSeverityOf(v), JSON.stringify(v))), RUNS);
      assert.equal(severityOf('SEV - 2'), 'SEV2');
      assert.equal(severityOf('Severity\t\t1'), 'SEV1');
      assert.equal(severityOf('sev--2'), undefined);
      assert.equal(severityOf('sev 12'), undefined);
    });

    it('people agrees with the old pattern (links, separators, spaces)', () => {
      fc.assert(fc.property(hostile(['Ana', 'and', ' and ', '&', '<br>', '<br />', '[Ben](u)', '](', 'x)']), (v) => assert.deepEqual(people(v), oldPeople(v), JSON.stringify(v))), RUNS);
      assert.deepEqual(people('[Ana Lima](https://x.example/ana) ,  Ben Okoro and\t@cruz<br/>Dee'), ['Ana Lima', 'Ben Okoro', '@cruz', 'Dee']);
    });

    it('reads recheck\'s attack strings in linear time', () => {
      assertLinearGrowth('labelOf bold label, tabs', labelOf, (n) => '__\t**:' + '\t\t'.repeat(n / 2) + '*\t**:\t\n+');
      assertLinearGrowth('labelOf plain label, spaces', labelOf, (n) => 'AA: ' + ' \t'.repeat(n / 2) + '\n');
      assertLinearGrowth('labelOf plain label, long label', labelOf, (n) => 'AAAAAAA    AA' + '  '.repeat(n / 2) + '\0');
      assertLinearGrowth('labelOf bare label', labelOf, (n) => '**\0**' + '\t'.repeat(n) + '\0');
      assertLinearGrowth('metadataField', metadataField, (n) => '\t'.repeat(n) + '\0\t');
      assertLinearGrowth('severityOf', severityOf, (n) => 'SEV\t' + '\t'.repeat(n));
      assertLinearGrowth('people, open links', people, (n) => '[('.repeat(n / 2) + '][[]()');
      assertLinearGrowth('people, links without a closing parenthesis', people, (n) => '[x]('.repeat(n / 4));
      assertLinearGrowth('people, spaces', people, (n) => '\t'.repeat(n) + 'x');
    });
  });

  describe('convert: links, owners, headings, trailing stamps', () => {
    it('unlinked agrees with the old link patterns', () => {
      const words = ['[', ']', '(', ')', '](', '[a](b)', 'x'];
      fc.assert(fc.property(hostile(words), (v) => assert.equal(unlinked(v), v.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1'), JSON.stringify(v))), RUNS);
      fc.assert(fc.property(hostile(words), (v) => assert.equal(unlinked(v, { emptyText: true }), v.replace(/\[([^\]]{0,500})\]\([^)]{0,2000}\)/g, '$1'), JSON.stringify(v))), RUNS);
      assert.equal(unlinked('see [a](x) and [b](y (z)) and [](e) [c] (d)'), 'see a and b) and [](e) [c] (d)');
    });

    it('ownerOf gives one token-shaped owner, the first person of the cell', () => {
      fc.assert(fc.property(hostile(['@', 'ana', ',', ' , ', '[Ana](u)', 'none', 'N/A', ' and ', ';']), (v) => {
        const read = ownerOf(v);
        if (read) assert.match(read.owner, /^\S+$/, JSON.stringify(v));
      }), RUNS);
      assert.deepEqual(ownerOf('[Ana Lima](mailto:a@x) \t, Ben'), { owner: 'Ana-Lima', other: { name: 'Ben', written: 'Ana Lima \t, Ben' }, rest: 'Ben' });
      assert.deepEqual(ownerOf('@ ana'), { owner: 'ana' });
      assert.equal(ownerOf('TBD'), undefined);
    });

    it('headingText agrees with the old heading pattern', () => {
      const old = /^\s{0,3}#{1,6}\s+(.*)$/;
      fc.assert(fc.property(hostile(['#', '##', '#######', ' ', 'Timeline']), (v) => assert.equal(headingText(v), old.exec(v)?.[1], JSON.stringify(v))), RUNS);
      assert.equal(headingText('## Action items'), 'Action items');
      assert.equal(headingText('#\t\u2028'), '');
      assert.equal(headingText('####### seven'), undefined);
      assert.equal(headingText('# a\u2028b'), undefined);
    });

    it('trailingStamp still reads a stamp at the end of a short line, without the label\'s punctuation', () => {
      const found = trailingStamp('First detected: -, 2023-06-06 10:26 .\t', {});
      assert.equal(found?.label, 'First detected');
      assert.equal(found?.stamp.hour, 10);
      assert.equal(trailingStamp('Fault occurs 2020-02-12 11:45', {})?.label, 'Fault occurs');
    });

    it('reads recheck\'s attack strings in linear time', () => {
      assertLinearGrowth('ownerOf, spaces before a comma', (v) => ownerOf(v), (n) => '\t'.repeat(n) + '\0,');
      assertLinearGrowth('ownerOf, open brackets', (v) => ownerOf(v), (n) => '[\0'.repeat(n / 2));
      assertLinearGrowth('ownerOf, separators around the owner', (v) => ownerOf(v), (n) => ' ,'.repeat(n / 4) + '@a' + ', &'.repeat(n / 6));
      assertLinearGrowth('unlinked, many link starts', (v) => unlinked(v), (n) => '[a]('.repeat(n / 4) + '[');
      assertLinearGrowth('headingText, tabs then a line break', headingText, (n) => '#\n' + '\t'.repeat(n) + '\0\n');
      assertLinearGrowth('headingText, spaces then U+2028', headingText, (n) => '# ' + ' '.repeat(n) + '\u2028');
      assertLinearGrowth('trailingStamp', (v) => trailingStamp(v, {}), (n) => '\t'.repeat(n) + '\0\t');
    });
  });

  describe('action item edits and the impact table', () => {
    it('trailingCommentStart agrees with the old pattern', () => {
      const old = /\s*<!--[^]*?-->\s*$/;
      fc.assert(fc.property(hostile(['<!--', '-->', '<!-->', '--', ' ']), (v) => assert.equal(trailingCommentStart(v), old.exec(v)?.index ?? -1, JSON.stringify(v))), RUNS);
      assert.equal(trailingCommentStart('Fix it  <!-- ask Ana --> '), 6);
      assert.equal(trailingCommentStart('Fix <!-- a --> then <!-- b -->'), 3);
      assert.equal(trailingCommentStart('Fix <!-->'), -1, 'an opener that is its own closer is no comment');
      assert.equal(trailingCommentStart('Fix <!-- a --> then'), -1);
    });

    it('withoutClosingPipe agrees with the old pattern', () => {
      const old = /\s*(?<!\\)\|?$/;
      fc.assert(fc.property(hostile(['|', '\\|', ' |', '\\', ' ']), (v) => assert.equal(withoutClosingPipe(v), v.replace(old, ''), JSON.stringify(v))), RUNS);
      assert.equal(withoutClosingPipe('Fix it  |'), 'Fix it');
      assert.equal(withoutClosingPipe('a \\|'), 'a \\|', 'an escaped pipe is content');
      assert.equal(withoutClosingPipe('a\\ |'), 'a\\');
    });

    it('keyOfLabel reads users/customers and affected in either order, as the old pattern did', () => {
      const words = ['users', 'user', 'customer', 'customers', 'affected', 'Affected', 'unaffected', 'users_', ' ', '\n'];
      fc.assert(fc.property(hostile(words), (v) => assert.equal(keyOfLabel(v) === 'users_affected', oldKeyIsUsersAffected(v), JSON.stringify(v))), RUNS);
      assert.equal(keyOfLabel('Users affected'), 'users_affected');
      assert.equal(keyOfLabel('Affected customers (approx.)'), 'users_affected');
      assert.equal(keyOfLabel('Customers\naffected'), undefined, 'the words on different lines');
      assert.equal(keyOfLabel('Unaffected users'), undefined);
    });

    it('reads recheck\'s attack strings in linear time', () => {
      assertLinearGrowth('trailingCommentStart, spaces', trailingCommentStart, (n) => '\t'.repeat(n) + 'x-->');
      assertLinearGrowth('trailingCommentStart, openers', trailingCommentStart, (n) => '<!--'.repeat(n / 4) + ' -->');
      assertLinearGrowth('withoutClosingPipe', withoutClosingPipe, (n) => '\t'.repeat(n) + '\0');
      assertLinearGrowth('keyOfLabel', keyOfLabel, (n) => 'stomer\0customer\0'.repeat(n / 16) + 'stomer\0user');
    });
  });

  describe('diagram fences, blameless phrases, VS Code adapters', () => {
    it('the opening fence pattern agrees with the old one', () => {
      const now = /^( {0,3})(`{3,}(?!`)|~{3,}(?!~))(.*)$/;
      fc.assert(fc.property(hostile(['```', '~~~', '`', '~', 'mermaid', ' ']), (v) => assert.deepEqual(now.exec(v)?.slice(1), OLD_OPEN_FENCE.exec(v)?.slice(1), JSON.stringify(v))), RUNS);
      const source = readFileSync(join(__dirname, '..', '..', '..', 'src', 'core', 'diagrams', 'blocks.ts'), 'utf8');
      assert.ok(source.includes(`/${now.source}/`), 'blocks.ts uses the pattern tested here');
    });

    it('findMermaidBlocks still finds a block opened by a long fence and skips a fence with a line separator', () => {
      const blocks = findMermaidBlocks('x\n~~~~~ mermaid\nflowchart LR\n~~~~~\n```mermaid\u2028\nA\n```\n');
      assert.equal(blocks.length, 1);
      assert.equal(blocks[0].content, 'flowchart LR');
      assertLinearGrowth('findMermaidBlocks, a fence run then U+2028', findMermaidBlocks, (n) => '~~~' + '~'.repeat(n) + '\u2028');
    });

    it('the guarded blame phrases match what the old look-behinds matched', () => {
      const compile = (source: string) => new RegExp(`(?<![\\p{L}\\p{N}_-])(?:${source.replace(/ /g, '\\s+')})(?![\\p{L}\\p{N}_-])`, 'giu');
      const pairs: [string, string][] = [
        ['(?<!(?:a|an|no|single|hardware|network|disk|power|transient) )fault of', 'fault(?<!'],
        ["(?<!(?:no|not|without|not to|never|n['’]t|git|svn|hg) )blam(?:e|ed|es|ing)", 'blam(?<!'],
      ];
      const builtins = blameMatchers([], false);
      for (const [oldSource, marker] of pairs) {
        const index = BUILTIN_BLAME_PHRASES.findIndex((p) => p.pattern.startsWith(marker));
        assert.ok(index >= 0, marker);
        const [old, now] = [compile(oldSource), builtins[index].re];
        const all = (re: RegExp, v: string) => [...v.matchAll(re)].map((m) => `${m.index}:${m[0]}`);
        const words = ['fault of', 'fault', ' of', 'blame', 'blamed', 'no', 'not', 'to', 'git', 'disk', 'a', 'an', "n't", ' ', '\n', '\t'];
        fc.assert(fc.property(hostile(words), (v) => assert.deepEqual(all(now, v), all(old, v), JSON.stringify(v))), RUNS);
        assertLinearGrowth(`blame phrase ${marker}`, (v) => all(now, v), (n) => '\t\t'.repeat(n / 2));
      }
      const blame = builtins[BUILTIN_BLAME_PHRASES.findIndex((p) => p.pattern.startsWith('blam(?<!'))].re;
      assert.deepEqual('We blamed the disk; not to\n  blame anyone; git blame'.match(blame), ['blamed']);
    });

    it('comparable drops done dates with the spaces before them, as the old pattern did', () => {
      const old = (t: string) => t.replace(/\s*\bdone:\S+/g, '').trim();
      fc.assert(fc.property(hostile(['done:', 'done:2026-01-01', 'xdone:1', ' ']), (v) => assert.equal(comparable(v), old(v), JSON.stringify(v))), RUNS);
      assert.equal(comparable('Fix it  done:2026-01-02 now'), 'Fix it now');
      assertLinearGrowth('comparable', comparable, (n) => '\t'.repeat(n) + '\t\0done:o');
    });

    it('trailing slashes and URI suffixes are cut by hand', () => {
      fc.assert(fc.property(hostile(['/', '//']), (v) => assert.equal(withoutTrailingSlashes(v), v.replace(/\/+$/, ''))), RUNS);
      assert.equal(fileNameOf('file:///w/post%20mortem.md?x#y'), 'post mortem.md');
      assertLinearGrowth('withoutTrailingSlashes', withoutTrailingSlashes, (n) => '/'.repeat(n) + '\0/');
      assertLinearGrowth('fileNameOf', fileNameOf, (n) => '#'.repeat(n) + '\n#');
    });
  });

  it('the growth check fails a quadratic pattern (so the checks above can fail)', () => {
    assert.throws(() => assertLinearGrowth('old owner split', (v) => v.split(/\s*,\s*/), (n) => '\t'.repeat(n) + '\0,', [1_000, 10_000]), /super-linear/);
  });
});
