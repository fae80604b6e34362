import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { SECTION_ORDER } from '../../../src/core/document/sectionNames';
import { readSummary } from '../../../src/core/index/readSummary';
import { lintText } from '../../../src/core/lint/engine';
import { defaultIdFor, fileNameFor, idSlug, renderPostmortemSnippet, renderPostmortemTemplate, slugify } from '../../../src/core/template/newPostmortem';
import { validateFrontMatter } from '../../../src/core/schema/validator';

const now = new Date('2026-11-27T05:40:31.250Z');

describe('renderPostmortemTemplate', () => {
  it('fills id, title and UTC times (rounded to the minute) in front matter that passes the schema as a draft', () => {
    const text = renderPostmortemTemplate({ zone: 'UTC', title: 'Checkout 5xx: "pool" change', now });
    const doc = parsePostmortem(text);
    assert.equal(doc.meta.id, 'PM-20261127-checkout-5xx-pool-change');
    assert.equal(doc.meta.title, 'Checkout 5xx: "pool" change');
    assert.equal(doc.meta.status, 'draft');
    assert.equal(doc.meta.started_at, '2026-11-27T05:40:00Z');
    assert.equal(doc.meta.detected_at, '2026-11-27T05:40:00Z');
    assert.equal(doc.meta.timezone, 'UTC');
    const problems = lintText(text, { now }).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
    assert.deepEqual(problems.map((d) => `${d.code}: ${d.message}`), []);
  });

  it('has every canonical section, a timeline entry and five whys, and no sample action item that would count as real', () => {
    const doc = parsePostmortem(renderPostmortemTemplate({ zone: 'UTC', title: 'Outage', now, id: 'PM-7', author: 'Ana' }));
    assert.deepEqual(doc.sections.filter((s) => s.id).map((s) => s.id), SECTION_ORDER);
    assert.equal(doc.meta.id, 'PM-7');
    assert.deepEqual(doc.meta.authors, ['Ana']);
    assert.equal(doc.timeline.length, 1);
    assert.equal(doc.timeline[0].instant, Date.parse('2026-11-27T05:40:00Z'));
    assert.equal(doc.fiveWhys?.answers.length, 5);
    // A sample task was counted as an open item of "@owner" in the sidebar, `postmortem actions` and metrics.
    assert.equal(doc.actionItems.length, 0);
    const summary = readSummary(renderPostmortemTemplate({ zone: 'UTC', title: 'Outage', now }));
    assert.deepEqual([summary.actionItems.length, summary.owners], [0, []]);
  });

  it('describes the action-item grammar in words: no task line, no real owner or date any reader could count', () => {
    const text = renderPostmortemTemplate({ zone: 'UTC', title: 'Outage', now });
    const section = text.slice(text.indexOf('## Action items'), text.indexOf('## Lessons learned'));
    assert.match(section, /<!--[^]*@owner, due:YYYY-MM-DD, a priority P1–P4[^]*-->/);
    // Not even inside the comment: a reader that does not skip comments would count a sample task.
    assert.doesNotMatch(text, /\[[ xX]\]/);
    assert.doesNotMatch(text, /due:\d{4}-\d{2}-\d{2}/);
    assert.doesNotMatch(text, /@(?!owner\b)\w/);
  });

  it("declares the writer's zone, keeps every time in UTC and lints clean in that zone", () => {
    for (const zone of ['Europe/Berlin', 'America/Los_Angeles', 'UTC']) {
      const text = renderPostmortemTemplate({ zone, title: 'Outage', now });
      const doc = parsePostmortem(text);
      assert.equal(doc.meta.timezone, zone);
      assert.equal(doc.timezone, zone);
      assert.equal(doc.meta.started_at, '2026-11-27T05:40:00Z');
      assert.equal(doc.timeline[0].instant, Date.parse('2026-11-27T05:40:00Z'));
      const problems = lintText(text, { now, writerZone: zone }).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
      assert.deepEqual(problems.map((d) => d.code), [], zone);
    }
  });

  it('puts the source right after the time, as the format does, in the example entry and its comment', () => {
    const text = renderPostmortemTemplate({ zone: 'UTC', title: 'Outage', now });
    assert.match(text, /^- 2026-11-27 05:40Z \(alert\) \[detected\] /m);
    assert.match(text, /`- YYYY-MM-DD HH:MMZ \(source\) \[milestone\] what happened`/);
    const entry = parsePostmortem(text).timeline[0];
    assert.deepEqual([entry.source, entry.milestones], ['alert', ['detected']]);
  });

  it('indents by 2 spaces only, so the editor detects 2-space indentation', () => {
    const text = renderPostmortemTemplate({ zone: 'Europe/Berlin', title: 'Outage', now, author: 'Ana' });
    const indents = text.split('\n').map((l) => /^ */.exec(l)![0].length).filter((n) => n > 0);
    assert.ok(indents.length > 0);
    assert.deepEqual([...new Set(indents)], [2]);
  });

  it('keeps a multi-line or control-character title on one line: it cannot add a task or a heading', () => {
    const title = 'DNS outage\n- [ ] Injected task @mallory due:2026-01-01\r## Injected\u2028more\u0007';
    const text = renderPostmortemTemplate({ zone: 'UTC', title, now });
    const doc = parsePostmortem(text);
    assert.equal(doc.meta.title, 'DNS outage - [ ] Injected task @mallory due:2026-01-01 ## Injected more');
    assert.equal(doc.actionItems.length, 0);
    assert.equal(readSummary(text).actionItems.length, 0);
    assert.deepEqual(doc.sections.filter((s) => s.id).map((s) => s.id), SECTION_ORDER);
    assert.equal(text.split('\n').filter((l) => l.includes('Injected')).length, 2, 'the title line and the heading only');
    assert.doesNotMatch(text, /[\u0000-\u0008\u000b-\u001f\u2028]/);
  });

  it('is the same template as the pm-postmortem snippet, with tab stops for the title, the id and the first entry', () => {
    const snippet = renderPostmortemSnippet({ zone: 'Europe/Berlin', now });
    assert.match(snippet, /^title: \$\{1:What happened to the system, in one blameless line\}$/m);
    assert.match(snippet, /^# \$\{1\}$/m);
    assert.match(snippet, /^id: \$\{2:PM-20261127-incident\}$/m);
    assert.match(snippet, /^timezone: Europe\/Berlin {2}#/m);
    assert.match(snippet, /\$0$/);
    // Expanding the tab stops to their defaults gives the command's template for that title and id.
    const expanded = snippet.replace(/\$\{(\d):([^}]*)\}/g, '$2').replace(/\$\{1\}/g, 'What happened to the system, in one blameless line').replace(/\n\$0$/, '').replace(/\\([$}\\])/g, '$1');
    assert.equal(expanded, renderPostmortemTemplate({ zone: 'Europe/Berlin', now, title: 'What happened to the system, in one blameless line', id: 'PM-20261127-incident' }));
  });

  it('writes severity, type and author when chosen, and leaves their lines out when not', () => {
    const chosen = parsePostmortem(renderPostmortemTemplate({ zone: 'UTC', title: 'Outage', now, severity: 'SEV2', incidentType: 'security', author: '@ana' })).meta;
    assert.deepEqual([chosen.severity, chosen.incident_type, chosen.authors], ['SEV2', 'security', ['ana']]);
    const text = renderPostmortemTemplate({ zone: 'UTC', title: 'Outage', now });
    assert.doesNotMatch(text, /^(severity|incident_type|authors):/m);
    assert.doesNotMatch(text, /\{\{/, 'no variable left unfilled');
  });

  it('keeps a title that ends in " #" whole in the heading (Markdown would read it as the closing sequence)', () => {
    const doc = parsePostmortem(renderPostmortemTemplate({ zone: 'UTC', title: 'Pager storm #', now }));
    assert.equal(doc.meta.title, 'Pager storm #');
    assert.match(renderPostmortemTemplate({ zone: 'UTC', title: 'Pager storm #', now }), /^# Pager storm \\#$/m);
  });

  it('uses the requested line ending throughout', () => {
    const text = renderPostmortemTemplate({ zone: 'UTC', title: 'Outage', now, eol: '\r\n' });
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
  });

  it('quotes titles YAML would misread', () => {
    for (const title of ['yes', 'a: b', '#hash', "it's [fine]", '  spaced  ', '事故']) {
      const doc = parsePostmortem(renderPostmortemTemplate({ zone: 'UTC', title, now }));
      assert.equal(doc.meta.title, title.trim(), title);
    }
  });
});

describe('slugify / fileNameFor', () => {
  it('makes short ASCII slugs and dated file names', () => {
    assert.equal(slugify('Checkout 5xx after DB pool change!'), 'checkout-5xx-after-db-pool-change');
    assert.equal(slugify('Café résumé outage'), 'cafe-resume-outage');
    assert.equal(slugify('!!!'), 'incident');
    assert.ok(slugify('a very long title '.repeat(10)).length <= 48);
    assert.ok(!slugify('a very long title '.repeat(10)).endsWith('-'));
    assert.equal(fileNameFor('DNS outage', now), '2026-11-27-dns-outage.md');
  });

  it("uses the writer's date in their zone, in every host (CLI, command, snippet)", () => {
    const lateInLosAngeles = new Date('2026-12-06T06:49:00Z'); // 22:49 on the 5th in Los Angeles
    assert.equal(fileNameFor('DNS outage', lateInLosAngeles, 1, 'America/Los_Angeles'), '2026-12-05-dns-outage.md');
    assert.equal(defaultIdFor('DNS outage', lateInLosAngeles, 2, 'America/Los_Angeles'), 'PM-20261205-dns-outage-2');
    assert.equal(fileNameFor('DNS outage', lateInLosAngeles), '2026-12-06-dns-outage.md');
    const text = renderPostmortemTemplate({ title: 'DNS outage', now: lateInLosAngeles, zone: 'America/Los_Angeles' });
    assert.match(text, /^id: PM-20261205-dns-outage$/m);
    assert.match(text, /^started_at: 2026-12-06T06:49:00Z$/m);
    assert.match(renderPostmortemSnippet({ now: lateInLosAngeles, zone: 'America/Los_Angeles' }), /^id: \$\{2:PM-20261205-incident\}$/m);
    assert.equal(fileNameFor('DNS outage', new Date('2026-12-05T23:30:00Z'), 1, 'Europe/Berlin'), '2026-12-06-dns-outage.md');
  });
});

describe('titles in any script', () => {
  const idPattern = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

  it('keeps letters of any script in file names', () => {
    assert.equal(fileNameFor('支付服务中断', now), '2026-11-27-支付服务中断.md');
    assert.equal(fileNameFor('другой инцидент', now), '2026-11-27-другой-инцидент.md');
    assert.equal(slugify('Ελλάδα: DNS'), 'ελλάδα-dns');
    assert.equal(slugify('결제 장애'), '결제-장애');
    assert.equal(slugify('Straße ﬁx'), 'straße-fix');
  });

  it('makes ASCII ids: Cyrillic and Greek transliterated, other scripts fingerprinted so titles stay apart', () => {
    assert.equal(defaultIdFor('другой инцидент', now), 'PM-20261127-drugoi-intsident');
    assert.equal(idSlug('Ελλάδα DNS'), 'ellada-dns');
    assert.equal(idSlug('Straße outage'), 'strasse-outage');
    const pay = idSlug('支付服务中断');
    const db = idSlug('数据库故障');
    assert.match(pay, /^incident-[0-9a-z]{6}$/);
    assert.notEqual(pay, db);
    assert.equal(idSlug('支付服务中断'), pay, 'the same title always gives the same id');
    assert.match(idSlug('支付 API 故障'), /^api-[0-9a-z]{6}$/);
    for (const title of ['支付服务中断', 'другой инцидент', '🔥🔥', 'x'.repeat(200), '٣ خطأ']) {
      const id = defaultIdFor(title, now, 3);
      assert.match(id, idPattern, title);
      assert.ok(id.length <= 'PM-20261127-'.length + 48 + 2, id);
    }
  });

  it('gives a template for a non-Latin title an id the schema accepts', () => {
    const text = renderPostmortemTemplate({ zone: 'UTC', title: '支付服务中断', now });
    const doc = parsePostmortem(text);
    assert.equal(doc.meta.title, '支付服务中断');
    assert.match(String(doc.meta.id), /^PM-20261127-incident-[0-9a-z]{6}$/);
    assert.deepEqual(validateFrontMatter(doc.meta).filter((e) => e.instancePath === '/id'), []);
  });

  it('numbers the n-th file and id of one title and day alike', () => {
    assert.equal(fileNameFor('DNS outage', now, 2), '2026-11-27-dns-outage-2.md');
    assert.equal(defaultIdFor('DNS outage', now, 2), 'PM-20261127-dns-outage-2');
    assert.equal(fileNameFor('支付服务中断', now, 3), '2026-11-27-支付服务中断-3.md');
  });

  it('never splits a surrogate pair when shortening', () => {
    const slug = slugify('𓀀'.repeat(60));
    assert.equal(Array.from(slug).length, 48);
    assert.ok(!/[\uD800-\uDBFF]$/.test(slug));
  });
});
