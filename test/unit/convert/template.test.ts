import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import convert from '../../../src/cli/commands/convert';
import { parsePostmortem } from '../../../src/core/document/parse';
import { isPostmortem, isTemplateFile } from '../../../src/core/document/recognise';
import { convertPostmortem } from '../../../src/core/import/convert';
import { parseTemplateFile } from '../../../src/core/template/templateFile';
import { newPostmortemText } from '../../../src/core/template/create';
import type { NewPostmortemInput } from '../../../src/core/template/variables';
import { computeMetrics } from '../../../src/core/metrics';
import { lintText } from '../../../src/core/lint/engine';
import { formatConvertReport } from '../../../src/core/import/convert/report';

/**
 * Trial 11 T6: Flutter's wiki template ("# Flutter postmortem: {Incident Title}", a timeline under
 * `### 1900-01-01`) converted "complete" into an incident of 1900 that the dashboard counted.
 */
const flutterTemplate = [
  '# Flutter postmortem: {Incident Title}',
  '',
  'Status: {draft|final}<br> Owners: {who drove the incident resolution}',
  '',
  '## Summary',
  '',
  'Description: {brief description of symptoms and root cause}<br> Date/time: {YYYY-MM-DD HH:MM}',
  '',
  '## Timeline (all times in PST/PDT)',
  '',
  '### 1900-01-01',
  '',
  '14:44 - something happened<br> 14:45 - next thing happened **\\<START OF OUTAGE>**',
  '',
  '### 1900-01-02',
  '',
  '09:12 - another thing happened **\\<END OF OUTAGE>**',
  '',
  '## Action items',
  '',
  '{each item here should have an owner}',
  '',
].join('\n');

const templateWarnings = (text: string) => convertPostmortem(text, { defaultZone: 'UTC' }).diagnostics.filter((d) => d.code === 'convert/template');

describe('convert: a blank template is said to be one, and is not written as an incident (trial 11 T6)', () => {
  it('Flutter\'s template: a warning naming the placeholder, no incident times, written as a template the product does not count', () => {
    const result = convertPostmortem(flutterTemplate);
    const [warning, ...more] = result.diagnostics.filter((d) => d.code === 'convert/template');
    assert.equal(more.length, 0);
    assert.equal(warning.severity, 'warning');
    assert.equal(warning.range.start.line, 0, 'on the title');
    assert.match(warning.message, /^This looks like a template, not a post-mortem: its title "Flutter postmortem: \{Incident Title\}" has the placeholder "\{Incident Title\}"\. Written as a post-mortem template .*; its example timeline \(3 entries\) was kept as a comment under the Timeline heading, not as timeline entries, so no post-mortem made from it starts with them and nothing counts them;/);
    assert.equal(result.report.complete, false);
    assert.equal(result.report.date, undefined, 'no incident date of 1900 in the report');
    const meta = parsePostmortem(result.text).meta;
    for (const key of ['started_at', 'detected_at', 'mitigated_at', 'resolved_at'] as const) assert.equal(meta[key], undefined, key);
    assert.equal(meta.status, 'draft');
    assert.deepEqual(result.notes.filter((n) => /set to 1900/.test(n.message) || n.sets !== undefined), [], 'no note that a time was set');
    // The product takes it for a template: not linted, listed or counted, and usable by `new --template`.
    assert.equal(isTemplateFile(result.text), true);
    assert.equal(isPostmortem('postmortems/flutter-template.md', result.text, ['**/postmortems/**/*.md']), false);
    assert.deepEqual(parseTemplateFile('flutter-template.md', result.text).problems.filter((p) => p.severity === 'error'), []);
    // Every word of the template is kept.
    assert.match(result.text, /\{who drove the incident resolution\}/);
    // Its example timeline is a comment under the Timeline heading, as written: no entry of 1900 anywhere.
    assert.match(result.text, /## Timeline\n\n<!-- The template's example timeline, kept as written \(postmortem convert\): not timeline entries\.[^\n]*\n\n### 1900-01-01\n\n14:44 - something happened<br> 14:45 - next thing happened \*\*\\<START OF OUTAGE>\*\*\n\n### 1900-01-02\n\n09:12 - another thing happened \*\*\\<END OF OUTAGE>\*\*\n-->\n/);
    assert.doesNotMatch(result.text, /^- 1900-/m);
    assert.equal(result.report.entries, 0);
    assert.equal(result.report.span, undefined);
    assert.equal(result.report.exampleEntries, 3);
    assert.deepEqual(parsePostmortem(result.text).timeline, [], 'the product reads no timeline entry from it');
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'convert/prose-times'), [], 'its example times are not asked to become entries');
    assert.ok(formatConvertReport('flutter-template.md', result).includes('  a template: its example timeline (3 entries) kept as a comment under the Timeline heading, not as timeline entries'), formatConvertReport('flutter-template.md', result).join('\n'));
  });

  it('a post-mortem made from the converted template with `new --template` starts with no example entry, and the metrics count none', () => {
    const converted = convertPostmortem(flutterTemplate).text;
    const template = parseTemplateFile('flutter-template.md', converted);
    const input: NewPostmortemInput = { title: 'Checkout outage', now: new Date('2026-12-06T06:00:00Z'), zone: 'UTC', started: Date.parse('2026-12-06T05:40:00Z'), id: 'PM-20261206-checkout' };
    const made = newPostmortemText(input, template);
    assert.ok(made.text, made.problems.map((p) => p.message).join('\n'));
    const doc = parsePostmortem(made.text!);
    assert.deepEqual(doc.timeline, []);
    assert.match(made.text!, /<!-- The template's example timeline/);
    // Lint does not point at the commented examples as entries "to convert": the timeline is empty, said plainly.
    const missing = lintText(made.text!, { now: new Date('2026-12-07T00:00:00Z') }).diagnostics.filter((d) => d.code === 'timeline/missing');
    assert.deepEqual(missing.map((d) => d.message), ['Expected timeline entries under "Timeline", as a list like `- 2026-11-20 14:09Z [detected] Pager alert` or a `| Time | Event |` table, found none']);
    const metrics = computeMetrics([{ uri: 'postmortems/checkout.md', text: made.text! }], { now: '2026-12-07T00:00:00Z' });
    assert.doesNotMatch(JSON.stringify(metrics), /1900/);
  });

  it('keeps a template\'s example timeline that holds "-->" inside one comment', () => {
    const result = convertPostmortem('# Postmortem Template\n\n## Timeline\n\n- 1900-01-01 10:00 alert --> pager\n- 1900-01-01 10:05 ack\n- 1900-01-01 10:30 fixed\n', { defaultZone: 'UTC' });
    assert.equal(result.report.exampleEntries, 3);
    assert.match(result.text, /- 1900-01-01 10:00 alert --&gt; pager\n- 1900-01-01 10:05 ack\n- 1900-01-01 10:30 fixed\n-->/);
    assert.equal((result.text.match(/-->/g) ?? []).length, 1);
    assert.deepEqual(parsePostmortem(result.text).timeline, []);
  });

  it('tells a template by the forms real ones use for their title', () => {
    for (const [title, why] of [
      ['Incident title - DD/MM/YYYY', /has the placeholder "DD\/MM\/YYYY"/],
      ['Title (incident #)', /its title is "Title \(incident #\)", a placeholder/],
      ['Title of the incident: Date', /a placeholder/],
      ['Postmortem Template', /names a template/],
      ['{{ incident date: yyyy-mm-dd }}, {{ incident name }}', /has the placeholder "\{\{ incident date: yyyy-mm-dd \}\}"/],
    ] as const) {
      const [warning] = templateWarnings(`# ${title}\n\n## Summary\n\nWhat happened.\n`);
      assert.match(warning?.message ?? '', why, title);
    }
    const named = convertPostmortem('## Summary\n\nThis is a standard template we use for postmortems.\n', { defaultZone: 'UTC', fileName: 'post_mortem_template.md' });
    assert.match(named.diagnostics.find((d) => d.code === 'convert/template')?.message ?? '', /its title "post_mortem_template" names a template/);
  });

  it('tells a template by a placeholder date or several blanks in its body, when the title is filled in', () => {
    assert.match(templateWarnings('# Queue outage\n\n## Timeline\n\n### 1900-01-01\n\n14:44 - something happened\n')[0].message, /line 5 has the placeholder date "1900-01-01"/);
    assert.match(templateWarnings('# Queue outage\n\nDate: YYYY-MM-DD\n\n## Summary\n\nText.\n')[0].message, /line 3 has the placeholder date "YYYY-MM-DD"/);
    assert.match(templateWarnings('# Queue outage\n\n## Impact\n\n{who was affected}\n\n## Root causes\n\n{without blame, describe the root cause}\n\n## Lessons\n\n{what worked}\n')[0].message, /3 lines have placeholders to fill in, such as "\{who was affected\}" \(line 5\)/);
  });

  it('does not take a post-mortem for a template: braces in code, one blank left, a title about a template engine, an old date, a date format in prose', () => {
    const post = [
      '# Helm template rendering broke deploys',
      '',
      'Date: 1994-06-01',
      '',
      '## Summary',
      '',
      'The parser expected YYYY-MM-DD dates; one {placeholder} was left in the values file.',
      '',
      '```json',
      '{"error": "bad value"}',
      '{"error": "again"}',
      '{"error": "and again"}',
      '```',
      '',
      'The config used `{region}` and `{zone}` and `{cluster}` variables.',
      '',
      '## Timeline (all times UTC)',
      '',
      '- 1994-06-01 10:00 - Deploy starts',
      '- 1994-06-01 10:20 - Rolled back',
      '',
    ].join('\n');
    const result = convertPostmortem(post);
    assert.deepEqual(result.diagnostics.filter((d) => d.code === 'convert/template'), []);
    assert.equal(parsePostmortem(result.text).meta.started_at, '1994-06-01T10:00:00Z');
    assert.equal(isTemplateFile(result.text), false);
  });

  it('makes the CLI exit 1 and say it before writing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pm-template-'));
    try {
      writeFileSync(join(dir, 'postmortem-template.md'), flutterTemplate);
      let err = '';
      let out = '';
      const code = await convert(['postmortem-template.md', '--stdout'], { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, now: () => new Date('2026-11-27T12:00:00Z') });
      assert.equal(code, 1);
      assert.match(err, /postmortem-template\.md:1:1 {2}warning {2}This looks like a template, not a post-mortem: .*convert\/template/);
      assert.doesNotMatch(out, /started_at|1900-01-01T/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('convert: the notes that set incident times say which time they set (the template check drops them by it)', () => {
  it('marks every "… set to" note with the key it set, and no other note', () => {
    const incident = flutterTemplate
      .replace('# Flutter postmortem: {Incident Title}', '# Flutter postmortem: docs site down')
      .replace('Status: {draft|final}<br> Owners: {who drove the incident resolution}', 'Status: final<br> Owners: @dana')
      .replace('Description: {brief description of symptoms and root cause}<br> Date/time: {YYYY-MM-DD HH:MM}', 'Description: the docs site returned 502s.')
      .replace(/1900-01-0/g, '2026-03-0')
      .replace('{each item here should have an owner}', '- Add a health check (@dana)');
    const result = convertPostmortem(incident, { defaultZone: 'UTC' });
    assert.deepEqual(templateWarnings(incident), [], 'an incident, not a template');
    const setting = result.notes.filter((n) => / set to /.test(n.message));
    assert.deepEqual(setting.map((n) => n.sets), ['started_at', 'mitigated_at']);
    for (const n of setting) assert.ok(n.message.startsWith(`${n.sets} set to `), n.message);
    assert.deepEqual(result.notes.filter((n) => n.sets !== undefined && !setting.includes(n)), []);
    // The same timeline in the template: those notes are gone, by their key.
    assert.deepEqual(convertPostmortem(flutterTemplate, { defaultZone: 'UTC' }).notes.filter((n) => n.sets !== undefined), []);
  });
});
