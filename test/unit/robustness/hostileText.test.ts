import assert from 'node:assert/strict';
import { parseActionText, readableText } from '../../../src/core/actions/itemGrammar';
import { parsePostmortem } from '../../../src/core/document/parse';
import { readSimpleFrontMatter } from '../../../src/core/frontMatter/simpleYaml';
import { parseSlackExport } from '../../../src/core/import/slack';
import { lintText } from '../../../src/core/lint/engine';
import { BASE_DOCUMENT } from './baseDocument';

/**
 * The attack strings of issue 9 sent through the readers that see user text. The budget is mocha's
 * timeout: the super-linear patterns these replace took minutes (a cubic heading pattern hung on
 * 1 KB); linear code reads 100 KB in milliseconds, so no machine is slow enough to fail this.
 */
const SIZE = 100_000;
const RUNS: Readonly<Record<string, string>> = {
  'spaces then U+2028': ' '.repeat(SIZE) + '\u2028x',
  'tabs and spaces': '\t '.repeat(SIZE / 2) + '\u0000',
  pipes: '|'.repeat(SIZE) + 'x',
  'table cells': '| a '.repeat(SIZE / 4),
  stars: '*'.repeat(SIZE) + 'x',
  'open brackets': '[\t'.repeat(SIZE / 2),
  'empty links': '[]('.repeat(SIZE / 3),
  'nested link starts': '([](s'.repeat(SIZE / 5),
  'trailing punctuation': '!'.repeat(SIZE) + '\u0000!',
  'spaces before a comma': '\t'.repeat(SIZE) + '\u0000\t,',
  'fence run': '~'.repeat(SIZE) + '\u2028',
  hashes: '#'.repeat(SIZE) + ' x',
};

describe('hostile text is read in linear time', function () {
  this.timeout(60_000);

  it('lints the 1 KB file with a BOM heading of spaces followed by U+2028 (it hung `actions`)', () => {
    const text = `\uFEFF# ${' '.repeat(1000)}\u2028\n\n## Action items\n\n- [ ] Fix it @ana due:2026-12-01\n`;
    const { doc } = lintText(text);
    assert.equal(doc.actionItems.length, 1);
    assert.deepEqual(doc.headings.map((h) => h.level), [1, 2]);
  });

  for (const [name, run] of Object.entries(RUNS)) {
    it(`reads ${name} as an action item, front matter, chat message (100 KB), heading, task and table row (20 KB)`, () => {
      parseActionText(run);
      readableText(run);
      readSimpleFrontMatter([`title: ${run}`, `impact:`, `  users: ${run}`, `tags:`, `  - ${run}`]);
      parseSlackExport([{ name: '2026-11-20.json', text: JSON.stringify([{ ts: '1763647740.000100', user: 'U1', text: `<@U1|${run}` }]) }]);
      // A bot's alert: the words in an attachment and a block, a channel mention left open.
      parseSlackExport([{ name: '2026-11-20.json', text: JSON.stringify([{ ts: '1763647740.000100', text: '', attachments: [{ title: `<#C1|${run}`, fields: [{ title: run, value: `<!subteam^S1|${run}` }] }], blocks: [{ type: 'section', text: { type: 'mrkdwn', text: `<mailto:${run}` } }] }, { ts: '1763647740.000200', bot_id: 'B1', text: run, attachments: [{ title: run, text: `${run}x` }] }]) }]);
      // A whole document with a 20 KB line: remark's own GFM table parse of a row of 100,000 pipes
      // takes seconds (not quadratic, just slow), which would only make this test slow.
      const short = run.slice(0, 20_000);
      for (const line of [`# ${short}`, `## ${short}`, `- [ ] ${short}`, `| ${short} | @a | 2026-12-01 |`, `\`\`\`${short}`]) {
        const text = BASE_DOCUMENT.replace('## Action items', `${line}\n\n## Action items`);
        parsePostmortem(text);
      }
      const actions = BASE_DOCUMENT.replace(/## Action items\n/, `## Action items\n\n| Action | Owner | Due |\n|---|---|---|\n| ${short} | @a | 2026-12-01 |\n- [ ] ${short}\n`);
      assert.ok(parsePostmortem(actions).actionItems.length >= 1);
    });
  }
});
