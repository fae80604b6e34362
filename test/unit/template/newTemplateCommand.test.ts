import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import newCommand from '../../../src/cli/commands/new';
import type { CliIo } from '../../../src/cli/io';
import { parsePostmortem } from '../../../src/core/document/parse';
import { lintText } from '../../../src/core/lint/engine';
import { buildOnce, runCliWithEnv } from '../cli/harness';

const LIGHT = `---
template:
  name: Light
  description: Small incidents, three sections
  severities: [SEV3, SEV4]
  required_sections: [summary, timeline, action-items]
type: postmortem
id: {{id}}
title: {{title}}
status: draft
severity: {{severity}}
started_at: {{now}}
detected_at: {{now}}
authors: [{{author}}]
---

# {{title}}

## Summary

## Timeline

- {{date}} {{time}}Z (alert) [detected] First signal

## Action items
`;

const SECURITY = `---
template:
  types: [security]
type: postmortem
id: {{id}}
title: "{{title}}"
status: draft
---

# {{title}}

## Summary

Reported by {{reporter}}.

## Timeline
`;

describe('postmortem new --template / --severity: repository templates', () => {
  let dir: string;
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  async function run(...argv: string[]) {
    let out = '';
    let err = '';
    const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, now: () => new Date('2026-11-27T09:00:00Z') };
    const code = await newCommand(argv, io);
    return { code, out, err, text: out.trim() && existsSync(join(dir, out.trim())) ? readFileSync(join(dir, out.trim()), 'utf8') : undefined };
  }
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'pm-new-tpl-'));
    mkdirSync(join(dir, '.git'));
    write('.postmortem/templates/light.md', LIGHT);
    write('.postmortem/templates/security.md', SECURITY);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--template NAME fills the template, leaves its template: block out and records its required sections', async () => {
    const r = await run('Disk full: logs', '--template', 'light', '--severity', 'sev4', '--author', 'ana', '--zone', 'Europe/Berlin');
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'postmortems/2026-11-27-disk-full-logs.md\n');
    assert.match(r.err, /using the template \.postmortem\/templates\/light\.md \(SEV3, SEV4 · any type\)/);
    // Its `started_at: {{now}}` makes the creation time the start, which the metrics count: said.
    assert.match(r.err, /warning: template \.postmortem\/templates\/light\.md:12: `started_at` is filled with the creation time, not a time of the incident, and the metrics will count it: use \{\{started\}\}/);
    assert.match(r.err, /light\.md:13: `detected_at` is filled with the creation time/);
    const doc = parsePostmortem(r.text!);
    assert.deepEqual(
      [doc.meta.id, doc.meta.title, doc.meta.severity, doc.meta.started_at, doc.meta.authors, doc.meta.timezone, doc.meta.required_sections],
      ['PM-20261127-disk-full-logs', 'Disk full: logs', 'SEV4', '2026-11-27T09:00:00Z', ['ana'], 'Europe/Berlin', ['summary', 'timeline', 'action-items']],
    );
    assert.ok(!r.text!.includes('template:') && !r.text!.includes('Small incidents'), r.text);
    assert.ok(r.text!.includes('\n- 2026-11-27 09:00Z (alert) [detected] First signal\n'));
    // Three sections are all the light template asks for: no sections/missing even once in review.
    const inReview = r.text!.replace('status: draft', 'status: in-review');
    assert.deepEqual(lintText(inReview, { now: new Date('2026-11-27T09:00:00Z') }).diagnostics.filter((d) => d.code === 'sections/missing'), []);
  });

  it('--started writes the start the writer gives (local time read in the zone, said on stderr); without it, a placeholder (U7)', async () => {
    const given = await run('Payments 503', '--template', 'builtin', '--zone', 'America/Los_Angeles', '--started', '2026-11-26 14:30');
    assert.equal(given.code, 0, given.err);
    assert.match(given.err, /started_at: 2026-11-26 14:30 America\/Los_Angeles = 2026-11-26T22:30:00Z/);
    assert.equal(parsePostmortem(given.text!).meta.started_at, '2026-11-26T22:30:00Z');
    const unknown = await run('Payments 504', '--template', 'builtin');
    assert.equal(unknown.code, 0, unknown.err);
    const meta = parsePostmortem(unknown.text!).meta;
    assert.deepEqual([meta.started_at, meta.detected_at], [undefined, undefined]);
    assert.match(unknown.text!, /^# started_at: YYYY-MM-DDTHH:MM:SSZ/m);
    assert.doesNotMatch(unknown.text!, /2026-11-27[T ]09:00/, 'the creation time is nowhere in it');
    await assert.rejects(run('X', '--started', '2026-11-26'), /--started: Expected a date and a time/);
    await assert.rejects(run('X', '--started', '2026-11-28 10:00Z'), /after now, so it has not happened yet: check the date/);
  });

  it('an unknown template: exit 2, no file, and the available templates listed', async () => {
    const r = await run('Leak', '--template', 'secruity');
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.ok(!existsSync(join(dir, 'postmortems')) || readdirSync(join(dir, 'postmortems')).length === 0);
    assert.match(r.err, /unknown template "secruity": no secruity\.md in \.postmortem\/templates\./);
    assert.match(r.err, /Available templates:\n {2}light +SEV3, SEV4 · any type — Small incidents, three sections\n {2}security +any severity · security\n {2}builtin +the built-in template\n/);
  });

  it('without a templates folder, an unknown template says so and exits 2', async () => {
    rmSync(join(dir, '.postmortem'), { recursive: true });
    const r = await run('Leak', '--template', 'light');
    assert.equal(r.code, 2);
    assert.match(r.err, /there is no templates folder \.postmortem\/templates\.\nAvailable templates: only builtin/);
  });

  it('picks the template that suits --severity / --type; none suits: the built-in', async () => {
    const minor = await run('Minor thing', '--severity', 'SEV3');
    assert.equal(minor.code, 0, minor.err);
    assert.deepEqual(parsePostmortem(minor.text!).meta.required_sections, ['summary', 'timeline', 'action-items']);
    const security = await run('Leaked token', '--type', 'security');
    assert.equal(security.code, 0, security.err);
    assert.match(security.err, /warning: template \.postmortem\/templates\/security\.md:14: unknown variable \{\{reporter\}\}, left as written/);
    assert.deepEqual([parsePostmortem(security.text!).meta.incident_type, security.text!.includes('Reported by {{reporter}}.')], ['security', true]);
    const major = await run('Major outage', '--severity', 'SEV1');
    assert.equal(major.code, 0, major.err);
    assert.doesNotMatch(major.err, /using the template/);
    assert.match(major.text!, /^severity: SEV1 {2}# SEV1 \(worst\) … SEV4; required from in-review on$/m);
    assert.match(major.text!, /^## Root cause analysis$/m, 'the built-in template, every section');
  });

  it('several templates suit equally: exit 2 asking for --template; --template builtin takes the built-in', async () => {
    write('.postmortem/templates/sec-two.md', SECURITY);
    const r = await run('Leak', '--type', 'security');
    assert.equal(r.code, 2);
    assert.match(r.err, /2 templates in \.postmortem\/templates suit this incident equally \(sec-two, security\); name one with --template NAME/);
    const b = await run('Leak', '--type', 'security', '--template', 'builtin');
    assert.equal(b.code, 0, b.err);
    assert.match(b.text!, /^incident_type: security$/m);
  });

  it('a broken template named: exit 2 with the problem and its line; --severity must be SEV1–SEV4', async () => {
    write('.postmortem/templates/bad.md', '---\ntemplate:\n  severities: [SEV7]\ntitle: x\n---\n');
    const r = await run('X', '--template', 'bad');
    assert.equal(r.code, 2);
    assert.match(r.err, /error: template \.postmortem\/templates\/bad\.md:2: unknown severity "SEV7"/);
    await assert.rejects(run('X', '--severity', 'high'), /Expected --severity to be one of SEV1, SEV2, SEV3, SEV4, found "high"/);
  });

  it('a broken template is passed over with a warning when choosing by severity, never silently', async () => {
    write('.postmortem/templates/bad.md', '---\ntemplate:\n  severities: [SEV7]\ntitle: x\n---\n');
    const r = await run('X', '--severity', 'SEV4');
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /warning: template \.postmortem\/templates\/bad\.md:2 is not used: unknown severity "SEV7"/);
    assert.match(r.err, /using the template \.postmortem\/templates\/light\.md/);
  });

  it("TZ=Europe/Berlin (the built CLI): the template's file declares the writer's zone and keeps UTC times", () => {
    buildOnce();
    // The file is named by the writer's date (Berlin: already the 28th), the times stay UTC.
    for (const [tz, day] of [['Europe/Berlin', '2026-11-28'], ['America/Los_Angeles', '2026-11-27']]) {
      const r = runCliWithEnv(dir, { TZ: tz }, 'new', `Zone ${tz}`, '--template', 'light', '--now', '2026-11-27T23:30:00Z');
      assert.equal(r.code, 0, r.stderr);
      const text = readFileSync(join(dir, r.stdout.trim()), 'utf8');
      const meta = parsePostmortem(text).meta;
      assert.deepEqual([meta.timezone, meta.started_at], [tz, '2026-11-27T23:30:00Z'], text);
      assert.ok(text.includes('\n- 2026-11-27 23:30Z (alert) [detected] First signal\n'), 'the UTC date, not the local one');
      assert.ok(r.stdout.startsWith(`postmortems/${day}-zone-`), r.stdout);
    }
  });

  it('templatesFolder in .postmortemrc.json moves the folder (relative to the repository root)', async () => {
    write('.postmortemrc.json', '{ "templatesFolder": "docs/pm-templates" }');
    write('docs/pm-templates/short.md', LIGHT.replace('severities: [SEV3, SEV4]', 'severities: [SEV2]'));
    const r = await run('X', '--template', 'short');
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /using the template docs\/pm-templates\/short\.md/);
    const list = await run('--list-templates');
    assert.equal(list.out, 'short            SEV2 · any type; requires summary, timeline, action-items — Small incidents, three sections\n');
  });
});
