import assert from 'node:assert/strict';
import { DEFAULT_CONFIG } from '../../../src/core/config/config';
import { resolveConfig } from '../../../src/core/config/resolve';
import { parsePostmortem } from '../../../src/core/document/parse';
import { lintText } from '../../../src/core/lint/engine';
import { builtinTemplateSource } from '../../../src/core/template/builtinSource';
import { newPostmortemText } from '../../../src/core/template/create';
import { renderPostmortemTemplate } from '../../../src/core/template/newPostmortem';
import { findTemplate, matchingTemplates } from '../../../src/core/template/select';
import { parseTemplateFile } from '../../../src/core/template/templateFile';
import type { NewPostmortemInput } from '../../../src/core/template/variables';

const now = new Date('2026-11-27T05:40:31Z');
const input: NewPostmortemInput = { title: 'Checkout 5xx', now, zone: 'Europe/Berlin', id: 'PM-20261127-checkout-5xx' };

function template(name: string, frontMatter: string, body = '\n# {{title}}\n'): ReturnType<typeof parseTemplateFile> {
  return parseTemplateFile(`${name}.md`, `---\n${frontMatter}\n---\n${body}`);
}

describe('template files: the template: block', () => {
  it('reads what a template suits and requires, and keeps the block out of the new file', () => {
    const t = template('light', [
      'template:',
      '  name: Light review',
      '  description: "For small incidents: three sections"',
      '  severities: [sev3, SEV4]',
      '  types: [Security]',
      '  required_sections: [Summary, timeline, Action items]',
      'title: {{title}}',
      'status: draft',
    ].join('\n'));
    assert.deepEqual(t.problems, []);
    assert.deepEqual([t.name, t.label, t.description, t.severities, t.types, t.requiredSections],
      ['light', 'Light review', 'For small incidents: three sections', ['SEV3', 'SEV4'], ['security'], ['summary', 'timeline', 'action-items']]);
    const made = newPostmortemText(input, t);
    assert.ok(made.text && !made.text.includes('template:') && !made.text.includes('Light review'), made.text);
    assert.match(made.text, /^required_sections: \[summary, timeline, action-items\]/m);
  });

  it('reports an unknown severity or section as an error (the template is not used) and an unknown key as a warning with the likely one', () => {
    const t = template('x', 'template:\n  severities: [SEV5]\n  required_section: [summary]\n  required_sections: [postscript]\ntitle: x');
    assert.deepEqual(t.problems.map((p) => [p.severity, p.message]), [
      ['warning', 'unknown key `required_section` in `template:` (did you mean `required_sections`?); known: name, description, severities, types, required_sections'],
      ['error', 'unknown severity "SEV5" in `template.severities`; expected SEV1, SEV2, SEV3, SEV4'],
      ['error', 'unknown section "postscript" in `template.required_sections`; expected summary, impact, timeline, root-cause, response, action-items, lessons (or their titles)'],
    ]);
    assert.equal(newPostmortemText(input, t).text, undefined, 'an error: nothing is made');
  });

  it('a broken template: block is an error with its line', () => {
    const t = template('x', 'status: draft\ntemplate:\n  severities: [SEV1\n  types: [a]');
    assert.equal(t.problems[0].severity, 'error');
    assert.equal(t.problems[0].line, 3);
    assert.match(t.problems[0].message, /not valid YAML/);
  });
});

describe('renderTemplate: variables', () => {
  it('writes values into the front matter so YAML reads back exactly the title, whatever it holds', () => {
    const titles = ['Checkout: "5xx" #1, again', 'true', '2026', "it's [broken] {x}", '- dash', '@here', 'a\\b'];
    for (const title of titles) {
      const t = template('t', `title: {{title}}\nquoted: "{{title}}"\nsingle: '{{title}}'\ninside: "Re: {{title}}"\nplain: Re {{title}}\nlist: [{{title}}, x]\nstatus: draft`);
      const made = newPostmortemText({ ...input, title }, t);
      assert.deepEqual(made.problems, [], title);
      const meta = parsePostmortem(made.text!).meta;
      assert.deepEqual([meta.title, meta.quoted, meta.single, meta.inside, meta.plain, meta.list], [title, title, title, `Re: ${title}`, `Re ${title}`, [title, 'x']], title);
    }
  });

  it('fills every documented variable: times in UTC, the zone as given', () => {
    const t = template('all', 'status: draft\nstarted_at: {{started}}', '\n{{title}}|{{id}}|{{started}}|{{now}}|{{date}}|{{time}}|{{zone}}|{{author}}|{{severity}}|{{type}}\n');
    const made = newPostmortemText({ ...input, started: Date.parse('2026-11-26T22:10:00Z'), author: '@ana', severity: 'SEV2', incidentType: 'security' }, t);
    // {{time}} in text carries its zone: beside {{zone}} a bare 05:40 reads as Berlin time (trial14a F15).
    assert.deepEqual(made.problems.map((p) => p.message), ['{{time}} is the creation time in UTC: written "05:40 UTC" so no reader takes it for Europe/Berlin time']);
    assert.ok(made.text!.includes('\nCheckout 5xx|PM-20261127-checkout-5xx|2026-11-26T22:10:00Z|2026-11-27T05:40:00Z|2026-11-27|05:40 UTC|Europe/Berlin|ana|SEV2|security\n'), made.text);
    assert.equal(parsePostmortem(made.text!).meta.started_at, '2026-11-26T22:10:00Z');
    // No start given: the line is left out (said as a note), never filled with the creation time.
    const unknown = newPostmortemText(input, t);
    assert.equal(parsePostmortem(unknown.text!).meta.started_at, undefined);
    assert.deepEqual(unknown.problems.map((p) => p.severity), ['note', 'note']);
  });

  it('warns on a template that writes the creation time as an incident time (started_at: {{now}}): the metrics would count it', () => {
    const t = template('old', 'status: draft\nstarted_at: {{now}}\ndetected_at: "{{date}}T{{time}}:00Z"\nresolved_at: 2026-11-27T06:00:00Z');
    const made = newPostmortemText(input, t);
    assert.deepEqual(made.problems.map((p) => `${p.severity} ${p.line}: ${p.message.split(':')[0]}`), [
      'warning 3: `started_at` is filled with the creation time, not a time of the incident, and the metrics will count it',
      'warning 4: `detected_at` is filled with the creation time, not a time of the incident, and the metrics will count it',
    ]);
    assert.match(made.problems[0]!.message, /use \{\{started\}\}/);
    assert.ok(made.text !== undefined, 'a warning: the file is still made');
  });

  it('reports unknown variables once each with their line and the likely meant one, and leaves them as written (front matter still valid YAML)', () => {
    const t = template('t', 'template:\n  name: T\ntitle: {{titel}}\nowner: {{reporter}}\nstatus: draft', '\n# {{titel}}\n');
    const made = newPostmortemText(input, t);
    assert.deepEqual(made.problems.map((p) => [p.severity, p.line, p.message.split(';')[0]]), [
      ['warning', 4, 'unknown variable {{titel}} (did you mean {{title}}?), left as written'],
      ['warning', 5, 'unknown variable {{reporter}}, left as written'],
    ]);
    const doc = parsePostmortem(made.text!);
    assert.deepEqual([doc.meta.title, doc.meta.owner], ['{{titel}}', '{{reporter}}']);
    assert.ok(made.text!.includes('\n# {{titel}}\n'));
  });

  it('leaves out a front-matter line (or list item) whose variables have no value, and says so', () => {
    const t = template('t', 'title: {{title}}\nstatus: draft\nseverity: {{severity}}  # SEV1 … SEV4\nauthors: [{{author}}]\ntags: [{{type}}, db]');
    const made = newPostmortemText(input, t);
    const meta = parsePostmortem(made.text!).meta;
    assert.equal('severity' in meta, false);
    assert.equal('authors' in meta, false);
    assert.deepEqual(meta.tags, ['db']);
    assert.deepEqual(made.problems.map((p) => `${p.severity} ${p.message.split(',')[0]}`), ['note {{severity}} has no value', 'note {{author}} has no value', 'note {{type}} has no value']);
  });

  it('says when the front matter no longer reads as YAML after filling in', () => {
    const t = template('t', 'title: {{title}}\nstatus: draft\nservices: {a: [}', '');
    const made = newPostmortemText(input, t);
    assert.equal(made.text, undefined);
    assert.match(made.problems.at(-1)!.message, /front matter is not valid YAML/);
  });

  it("adds the writer's zone, the chosen severity and type when the template has no place for them", () => {
    const t = template('t', 'title: {{title}}\nstatus: draft');
    const berlin = parsePostmortem(newPostmortemText({ ...input, severity: 'SEV4', incidentType: 'security' }, t).text!);
    assert.deepEqual([berlin.meta.timezone, berlin.meta.severity, berlin.meta.incident_type], ['Europe/Berlin', 'SEV4', 'security']);
    const own = template('t', 'title: {{title}}\nstatus: draft\ntimezone: UTC');
    assert.equal(parsePostmortem(newPostmortemText(input, own).text!).meta.timezone, 'UTC', "the template's own zone is kept");
  });
});

describe('the built-in template as a file', () => {
  it('a copy of it in the repository, checked out with CRLF and a BOM, gives the same post-mortem as the built-in', () => {
    // The built-in is rendered from builtinTemplateSource() (one copy); the copy a team gets from
    // "Copy Built-in Template" must give the same file, whatever Git or an editor did to its line ends.
    const values = { ...input, author: 'ana', severity: 'SEV2', incidentType: 'data-loss' };
    const copied = `\uFEFF${builtinTemplateSource().replace(/\n/g, '\r\n')}`;
    for (const zone of ['Europe/Berlin', 'America/Los_Angeles', 'UTC']) {
      const fromFile = newPostmortemText({ ...values, zone }, parseTemplateFile('default.md', copied));
      assert.deepEqual(fromFile.problems, []);
      assert.equal(fromFile.text, renderPostmortemTemplate({ ...values, zone }));
      assert.equal(fromFile.text, newPostmortemText({ ...values, zone }).text);
    }
  });

  it('its timeline note is true in every zone: a time without a zone is flagged outside UTC, and in UTC not', () => {
    for (const zone of ['Europe/Berlin', 'UTC']) {
      const text = renderPostmortemTemplate({ ...input, zone }).replace(/^- YYYY-MM-DD HH:MMZ/m, '- 2026-11-27 05:31');
      assert.match(text, new RegExp(`read in ${zone} \\(the \`timezone\`\\n {2}above\\); outside UTC it is flagged`));
      const flagged = lintText(text, { now, writerZone: zone }).diagnostics.some((d) => d.code === 'timeline/not-utc');
      assert.equal(flagged, zone !== 'UTC', zone);
    }
  });

  it('without a severity or author the copy leaves those lines out and lints as a draft with no warning (the timeline\'s example entry is an info)', () => {
    const made = newPostmortemText(input, parseTemplateFile('default.md', builtinTemplateSource()));
    const problems = lintText(made.text!, { now, writerZone: 'Europe/Berlin' }).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    assert.deepEqual(problems.map((d) => d.code), []);
    assert.ok(lintText(made.text!, { now, writerZone: 'Europe/Berlin' }).diagnostics.some((d) => d.code === 'timeline/placeholder' && d.severity === 'info'));
  });
});

describe('choosing a template', () => {
  const any = template('default', 'title: {{title}}');
  const minor = template('minor', 'template:\n  severities: [SEV3, SEV4]\ntitle: {{title}}');
  const security = template('security', 'template:\n  types: [security]\ntitle: {{title}}');
  const minorSecurity = template('minor-security', 'template:\n  severities: [SEV4]\n  types: [security]\ntitle: {{title}}');
  const broken = template('broken', 'template:\n  severities: [SEV9]\ntitle: {{title}}');
  const all = [any, minor, security, minorSecurity, broken];
  const names = (c: { severity?: string; type?: string }) => matchingTemplates(all, c).map((t) => t.name);

  it('offers the templates that suit severity and type, most specific first; broken ones never', () => {
    assert.deepEqual(names({ severity: 'SEV4', type: 'Security' }), ['minor-security', 'minor', 'security', 'default']);
    assert.deepEqual(names({ severity: 'SEV1', type: 'outage' }), ['default']);
    assert.deepEqual(names({ severity: 'SEV3' }), ['minor', 'default']);
    assert.deepEqual(names({}), ['default'], 'undecided: only templates that name no severity or type');
    assert.deepEqual(matchingTemplates([minor], { severity: 'SEV1' }), [], 'none: the built-in is used');
  });

  it('finds a template by file name, then by its unique label, case ignored', () => {
    assert.equal(findTemplate(all, 'Minor')?.name, 'minor');
    assert.equal(findTemplate(all, 'minor.md')?.name, 'minor');
    assert.equal(findTemplate([template('sec', 'template:\n  name: Security review\ntitle: x')], 'security review')?.name, 'sec');
    assert.equal(findTemplate(all, 'nope'), undefined);
  });
});

describe('sections/missing: the required list of the template or the severity', () => {
  const body = (sections: string[]) => sections.map((s) => `## ${s}\n\nText.\n`).join('\n');
  const fm = (extra: string) => `---\ntype: postmortem\nid: PM-1\ntitle: T\nstatus: in-review\nseverity: SEV4\nstarted_at: 2026-11-27T05:00:00Z\ndetected_at: 2026-11-27T05:00:00Z\nmitigated_at: 2026-11-27T05:10:00Z\nresolved_at: 2026-11-27T05:20:00Z\nfacilitator: lee\n${extra}---\n\n# T\n\n`;
  const missing = (text: string, config = DEFAULT_CONFIG) => lintText(text, { now, config }).diagnostics.filter((d) => d.code === 'sections/missing').map((d) => d.message);

  it("uses the file's required_sections (written from its template) instead of requiredSections", () => {
    const three = body(['Summary', 'Timeline', 'Action items']);
    assert.equal(missing(fm('') + three).length, 4, 'the configured seven without a list');
    assert.deepEqual(missing(fm('required_sections: [summary, timeline, action-items]\n') + three), []);
    assert.deepEqual(missing(fm('required_sections: [summary, timeline, action-items, impact]\n') + three),
      ['Expected a "## Impact" section (required once status is in-review, by `required_sections`)']);
  });

  it('uses requiredSectionsBySeverity for the severity, in CLI and editor alike (one config)', () => {
    const config = resolveConfig({ requiredSectionsBySeverity: { sev4: ['summary', 'Timeline', 'action-items'], SEV1: ['summary', 'impact', 'timeline', 'root-cause', 'response', 'action-items', 'lessons'] } });
    assert.deepEqual(config.problems, []);
    assert.deepEqual(missing(fm('') + body(['Summary', 'Timeline', 'Action items']), config), []);
    assert.equal(missing(fm('').replace('SEV4', 'SEV1') + body(['Summary', 'Timeline', 'Action items']), config).length, 4);
    assert.deepEqual(resolveConfig({ requiredSectionsBySeverity: { SEV9: ['summary'] } }).problems, ['Unknown severity "SEV9" in "requiredSectionsBySeverity"; expected SEV1, SEV2, SEV3 or SEV4']);
  });

  it('a draft needs only the draft sections that are on its list', () => {
    const draft = fm('required_sections: [summary, action-items]\n').replace('in-review', 'draft');
    assert.deepEqual(missing(draft + body(['Action items'])), ['Expected a "## Summary" section (even a draft needs it; by `required_sections`)']);
  });
});

describe('templates are not post-mortems', () => {
  it('a file with a template: block is neither linted nor indexed as a post-mortem, wherever it is; `template: v2` is just a key', async () => {
    const { isPostmortem } = await import('../../../src/core/document/recognise');
    const tpl = '---\ntemplate:\n  # which incidents\n  severities: [SEV4]\ntype: postmortem\ntitle: {{title}}\n---\n';
    assert.equal(isPostmortem('.postmortem/templates/light.md', tpl, []), false);
    assert.equal(isPostmortem('postmortems/templates/light.md', tpl, ['**/postmortems/**/*.md']), false, 'even under a post-mortem glob');
    assert.equal(isPostmortem('x.md', '---\ntemplate: { name: X }\ntype: postmortem\n---\n', []), false);
    assert.equal(isPostmortem('x.md', '---\ntemplate: v2\ntype: postmortem\n---\n', []), true);
    assert.equal(isPostmortem('x.md', '---\ntype: postmortem\ntemplate:\n  - a\n---\n', []), true);
    assert.equal(isPostmortem('x.md', builtinTemplateSource(), []), false, 'the copied built-in template');
  });
});

describe('template files: {{time}} in the body', () => {
  it('is written with Z when no zone follows it, and said: the timeline would read it in the document zone (trial 13 F31)', () => {
    const t = template('light', ['title: {{title}}', 'timezone: Pacific/Chatham', 'status: draft'].join('\n'),
      '\n# {{title}}\n\n## Timeline\n\n- {{date}} {{time}} [detected] Created\n- {{date}} {{time}}Z (kept) noted\n- {{date}} {{time}} UTC kept\n- {{date}} {{time}}:00Z kept\n');
    const made = newPostmortemText(input, t);
    const text = made.text ?? '';
    assert.match(text, /^- 2026-11-27 05:40Z \[detected\] Created$/m);
    assert.match(text, /^- 2026-11-27 05:40Z \(kept\) noted$/m);
    assert.match(text, /^- 2026-11-27 05:40 UTC kept$/m);
    assert.match(text, /^- 2026-11-27 05:40:00Z kept$/m);
    const notes = made.problems.filter((p) => /\{\{time\}\} is the creation time in UTC/.test(p.message));
    assert.equal(notes.length, 1, JSON.stringify(made.problems));
    assert.equal(notes[0].severity, 'note');
    assert.equal(notes[0].message, '{{time}} is the creation time in UTC, not when the incident started: written 05:40Z so the timeline reads it as UTC, not in the `timezone:` zone (Europe/Berlin)', 'the time written, not an example');
    const entry = parsePostmortem(text).timeline[0];
    assert.equal(entry.instant, Date.UTC(2026, 10, 27, 5, 40), 'read as UTC, not Chatham time');
  });
});

describe('template files: {{time}} beside {{zone}} (trial14a F15)', () => {
  // In Auckland at 08:30Z: the note quoted the docs' example "(05:40Z)", said it once per line, and the prose line read as 08:30 in Auckland, 13 hours off.
  const auckland: NewPostmortemInput = { title: 'Light', now: new Date('2026-12-07T08:30:12Z'), zone: 'Pacific/Auckland', id: 'PM-20261207-light' };
  const t = template('light', 'title: {{title}}\nstatus: draft',
    '\n# {{title}}\n\nWritten {{date}} {{time}} by {{author}} ({{zone}}).\n\n## Timeline\n\n| {{date}} {{time}} | Review opened |\n\n- {{date}} {{time}} [started] placeholder\n\nOpened at {{time}} UTC, reviewed later.\n');

  it('writes the time with its zone in prose and on entries, and says so once for each, with the time it wrote', () => {
    const made = newPostmortemText(auckland, t);
    const text = made.text ?? '';
    assert.match(text, /^Written 2026-12-07 08:30 UTC by {2}\(Pacific\/Auckland\)\.$/m, 'not a bare 08:30 beside the Auckland zone');
    assert.match(text, /^\| 2026-12-07 08:30Z \| Review opened \|$/m);
    assert.match(text, /^- 2026-12-07 08:30Z \[started\] placeholder$/m);
    assert.match(text, /^Opened at 08:30 UTC, reviewed later\.$/m, 'a zone already written is not written twice');
    const notes = made.problems.filter((p) => p.message.startsWith('{{time}}')).map((p) => [p.line, p.message]);
    assert.deepEqual(notes, [
      [12, '{{time}} is the creation time in UTC, not when the incident started: written 08:30Z (also on line 14) so the timeline reads it as UTC, not in the `timezone:` zone (Pacific/Auckland)'],
      [8, '{{time}} is the creation time in UTC: written "08:30 UTC" so no reader takes it for Pacific/Auckland time'],
    ]);
    assert.ok(!made.problems.some((p) => p.message.includes('05:40')), 'no example time from the docs');
  });
});
