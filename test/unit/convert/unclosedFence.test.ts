import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { convertPostmortem } from '../../../src/core/import/convert';
import { formatConvertReport } from '../../../src/core/import/convert/report';
import { buildOnce, runCliWithEnv, workspace } from '../cli/harness';

/**
 * A pasted log whose code fence was never closed made the rest of the original code: the later
 * timeline entries and the whole Action items section vanished into the entry above, and convert
 * said "complete", exit 0 (trial 14a F25). The converted file closes the fence where the writer went
 * back to Markdown, says so as a warning (exit 1) and writes it into the file.
 */
const original = [
  '# Incident: API outage', '', '**Date:** 2026-12-05', '', '## Timeline (all times UTC)', '',
  '- 20:00 deploy', '- 20:05 alert fired, log:', '', '```', 'ERROR conn refused', '',
  '- 20:30 rollback', '- 21:00 resolved', '', '## Action items', '', '- Add canary (owner @kim)', '- Add alert (owner @lee)', '',
].join('\n');

describe('convert: a code fence the original never closed', () => {
  it('closes it before the next list item after a blank line: the later entries and the Action items are read, and it is a warning', () => {
    const result = convertPostmortem(original);
    const doc = parsePostmortem(result.text);
    assert.deepEqual(doc.timeline.map((e) => new Date(e.instant!).toISOString().slice(11, 16)), ['20:00', '20:05', '20:30', '21:00']);
    assert.deepEqual(doc.actionItems.map((a) => a.owner?.value), ['kim', 'lee']);
    // The log stays code, under the entry it belongs to.
    assert.match(result.text, /- 2026-12-05 20:05Z alert fired, log:\n\n {2}```\n {2}ERROR conn refused\n {2}```\n- 2026-12-05 20:30Z rollback/);
    const [flag, ...more] = result.diagnostics.filter((d) => d.code === 'convert/unclosed-fence');
    assert.equal(more.length, 0);
    assert.equal(flag.severity, 'warning');
    assert.equal(flag.range.start.line, 9);
    assert.equal(flag.message, 'Expected a closing ``` for the code block opened here, found none: as written, everything after line 10 (9 lines with 1 section ("## Action items") and 2 timeline entries) is code, in GitHub too. The converted file closes it before line 13 ("- 20:30 rollback"), so what follows is read as the post-mortem — check where the pasted text ends');
    assert.equal(result.report.complete, false);
    assert.match(formatConvertReport('fence.md', result).at(-1)!, /^ {2}incomplete: 1 thing to review$/);
    // The converted file says it too: the closing fence is not the writer's.
    assert.match(result.text, /^Conversion: the code block opened on line 10 of the original \(```\) was never closed; it was closed before line 13 \("- 20:30 rollback"\): check where the pasted text ends\.$/m);
  });

  it('closes it before a heading right after the log (a line inserted): later line numbers still point into the original', () => {
    const text = ['# T', '', '**Date:** 2026-12-05', '', '## Timeline (all times UTC)', '', '- 20:00 deploy', '- 20:05 alert, log:', '```', 'ERR', '## Action items', '- [ ] Fix it @kim', '', 'At 21:10 UTC, something odd happened.', ''].join('\n');
    const result = convertPostmortem(text);
    assert.deepEqual(parsePostmortem(result.text).actionItems.map((a) => a.description), ['Fix it']);
    assert.match(result.diagnostics.find((d) => d.code === 'convert/unclosed-fence')!.message, /closes it before line 11 \("## Action items"\)/);
    // The sentence on line 14 of the original (line 15 of the repaired text) is reported at line 14.
    const unread = result.diagnostics.find((d) => d.code === 'convert/unread-entry')!;
    assert.equal(unread.range.start.line, 13);
    assert.deepEqual(result.report.unread.map((u) => u.line), [13]);
    assert.equal((result.text.match(/^ *```/gm) ?? []).length % 2, 0);
  });

  it('a log left open at the very end hides nothing: closed there, a note only, and nothing is appended inside it', () => {
    const text = ['# T', '', '**Date:** 2026-12-05', '', '## Timeline (all times UTC)', '', '- 20:00 deploy', '- 21:00 resolved', '', '## Action items', '', '- [ ] Fix it @kim', '', '## Logs', '', '```', 'ERR a', 'ERR b', ''].join('\n');
    const result = convertPostmortem(text);
    const flag = result.diagnostics.find((d) => d.code === 'convert/unclosed-fence')!;
    assert.equal(flag.severity, 'info');
    assert.match(flag.message, /closes it at the end of the file, so what follows is read as the post-mortem$/);
    // Every fence of the converted file is closed: the Notes heading is a heading, not code.
    assert.equal(parsePostmortem(result.text).sections.some((s) => s.title === 'Notes from the original'), true);
    assert.equal((result.text.match(/^ *```/gm) ?? []).length % 2, 0);
  });
});

describe('convert: a byte-order mark', () => {
  it('is dropped, so the title stays a heading (trial 14a F29)', () => {
    const text = '\uFEFF# Störung: Checkout\n\n**Date:** 2026-12-05\n\n## Timeline (all times UTC)\n\n- 20:00 deploy\n';
    const result = convertPostmortem(text);
    assert.equal(result.text.includes('\uFEFF'), false);
    assert.match(result.text, /^# Störung: Checkout$/m);
    assert.equal(parsePostmortem(result.text).meta.title, 'Störung: Checkout');
  });
});

describe('postmortem convert (CLI): a pasted log never closed', () => {
  before(buildOnce);

  it('exits 1 with the warning, and writes the timeline and the action items after it', () => {
    const ws = workspace({ 'fence.md': original, 'bom.md': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# Outage\n\n**Date:** 2026-12-05\n\n## Timeline (all times UTC)\n\n- 20:00 deploy\n')]) });
    try {
      const r = runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'convert', 'fence.md', '--stdout');
      assert.equal(r.code, 1, r.stderr);
      assert.match(r.stderr, /fence\.md:10:1 {2}warning {2}Expected a closing ``` for the code block opened here/);
      assert.match(r.stdout, /^- \[ \] Add alert @lee$/m);
      assert.match(r.stdout, /^- 2026-12-05 21:00Z resolved$/m);
      const bom = runCliWithEnv(ws.dir, { TZ: 'UTC' }, 'convert', 'bom.md', '--stdout');
      assert.match(bom.stdout, /\n---\n\n# Outage\n/);
      assert.equal(bom.stdout.includes('\uFEFF'), false);
    } finally {
      ws.cleanup();
    }
  });
});

describe('convert: an HTML comment the original never closed', () => {
  it('is closed like a fence: the Action items after it are read, a warning says where, and the notes the converter writes are not hidden', () => {
    const text = ['# T', '', '**Date:** 2026-12-05', '', '## Timeline (all times UTC)', '', '- 20:00 deploy', '- 21:00 resolved', '', '<!-- TODO: ask Kim about the alert', '', '## Action items', '', '- [ ] Fix it @kim', ''].join('\n');
    const result = convertPostmortem(text);
    assert.deepEqual(parsePostmortem(result.text).actionItems.map((a) => a.description), ['Fix it']);
    const flag = result.diagnostics.find((d) => d.code === 'convert/unclosed-comment')!;
    assert.equal(flag.severity, 'warning');
    assert.equal(flag.range.start.line, 9);
    assert.match(flag.message, /^Expected a closing --> for the HTML comment opened here, found none: as written, everything after line 10 \(.*1 section \("## Action items"\).*\) is hidden, in GitHub too\. The converted file closes it before line 12 \("## Action items"\), so what follows is read as the post-mortem — check where the comment ends$/);
    assert.match(result.text, /<!-- TODO: ask Kim about the alert\n-->\n/);
    assert.match(result.text, /^Conversion: the HTML comment opened on line 10 of the original \(<!--\) was never closed; it was closed before line 12 \("## Action items"\): check where the comment ends\.$/m);
    assert.equal(result.report.complete, false);
  });

  it('a <pre> left open (a pasted log) hides the rest as raw HTML: closed like a fence, said as convert/unclosed-html (trial15a F14)', () => {
    const text = ['# T', '', '**Date:** 2026-12-05', '', '## Timeline (all times UTC)', '', '- 20:00 deploy', '- 20:05 alert, log:', '', '<pre>', 'ERROR pool exhausted', '', '- 20:30 rollback', '', '## Action items', '', '- [ ] Add pool alert @kim due:2026-12-20', ''].join('\n');
    const result = convertPostmortem(text);
    const doc = parsePostmortem(result.text);
    assert.deepEqual(doc.actionItems.map((a) => a.owner?.value), ['kim']);
    assert.deepEqual(doc.timeline.map((e) => new Date(e.instant!).toISOString().slice(11, 16)), ['20:00', '20:05', '20:30']);
    const flag = result.diagnostics.find((d) => d.code === 'convert/unclosed-html')!;
    assert.equal(flag.severity, 'warning');
    assert.match(flag.message, /^Expected a closing <\/pre> for the HTML block opened here \(<pre>\), found none: .* is raw HTML, in GitHub too/);
    assert.equal(result.report.complete, false);
    assert.match(result.text, /^<\/pre>$/m);
  });
});
