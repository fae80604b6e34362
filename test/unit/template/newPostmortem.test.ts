import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { SECTION_ORDER } from '../../../src/core/document/sectionNames';
import { readSummary } from '../../../src/core/index/readSummary';
import { lintText } from '../../../src/core/lint/engine';
import { defaultIdFor, fileNameFor, idSlug, renderPostmortemSnippet, renderPostmortemTemplate, slugify } from '../../../src/core/template/newPostmortem';
import { validateFrontMatter } from '../../../src/core/schema/validator';
import { computeMetrics } from '../../../src/core/metrics/compute';

const now = new Date('2026-11-27T05:40:31.250Z');

describe('renderPostmortemTemplate', () => {
  it('fills id and title in front matter that passes the schema as a draft, with no warning: the timeline\'s example entry is an info to fill in (trial 12 T14)', () => {
    const text = renderPostmortemTemplate({ zone: 'UTC', title: 'Checkout 5xx: "pool" change', now });
    const doc = parsePostmortem(text);
    assert.equal(doc.meta.id, 'PM-20261127-checkout-5xx-pool-change');
    assert.equal(doc.meta.title, 'Checkout 5xx: "pool" change');
    assert.equal(doc.meta.status, 'draft');
    assert.equal(doc.meta.timezone, 'UTC');
    const diagnostics = lintText(text, { now }).diagnostics;
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.code), []);
    const placeholder = diagnostics.filter((d) => d.code === 'timeline/placeholder');
    assert.deepEqual(placeholder.map((d) => `${d.severity} ${text.split('\n')[d.range.start.line]}`), ['info - YYYY-MM-DD HH:MMZ (alert) [detected] Describe the first signal']);
  });

  it('never writes the creation moment as an incident time: placeholders, and metrics count no durations (U7)', () => {
    const text = renderPostmortemTemplate({ zone: 'America/Los_Angeles', title: 'Payments API returned 503', now });
    const doc = parsePostmortem(text);
    // The trial: started_at/detected_at = the click, a [detected] entry at the click, median time-to-detect 5 m → 4 m.
    for (const key of ['started_at', 'detected_at', 'mitigated_at', 'resolved_at']) {
      assert.equal(doc.meta[key], undefined, key);
      assert.match(text, new RegExp(`^# ${key}: YYYY-MM-DDTHH:MM:SSZ`, 'm'), `${key} is a placeholder to fill in`);
    }
    assert.doesNotMatch(text, /2026-11-27[T ]05:40/, 'the creation time appears nowhere');
    assert.deepEqual(doc.timeline.map((e) => e.instant), [undefined], 'the example entry has no time');
    const metrics = computeMetrics([{ uri: 'file:///new.md', text }], { now });
    assert.equal(metrics.durations.find((d) => d.id === 'timeToDetect')?.overall.count, 0);
    assert.deepEqual(metrics.undated, ['file:///new.md'], 'an undated incident, said as such');
    assert.deepEqual(metrics.missing.filter((m) => m.field === 'started_at' || m.field === 'detected_at').map((m) => m.count), [1, 1], 'the missing times are said');
  });

  it('writes the start the writer gave as started_at in place of the placeholder, and nothing else', () => {
    const started = Date.parse('2026-11-26T22:10:00Z');
    const text = renderPostmortemTemplate({ zone: 'America/Los_Angeles', title: 'Payments', now, started });
    const doc = parsePostmortem(text);
    assert.equal(doc.meta.started_at, '2026-11-26T22:10:00Z');
    assert.doesNotMatch(text, /^# started_at:/m);
    assert.equal(doc.meta.detected_at, undefined);
    assert.equal(text.split('\n').filter((l) => l.startsWith('started_at:')).length, 1);
    assert.deepEqual(lintText(text, { now, writerZone: 'America/Los_Angeles' }).diagnostics.filter((d) => d.severity === 'error').map((d) => d.code), []);
  });

  it('has every canonical section, a timeline entry and five whys, and no sample action item that would count as real', () => {
    const doc = parsePostmortem(renderPostmortemTemplate({ zone: 'UTC', title: 'Outage', now, id: 'PM-7', author: 'Ana' }));
    assert.deepEqual(doc.sections.filter((s) => s.id).map((s) => s.id), SECTION_ORDER);
    assert.equal(doc.meta.id, 'PM-7');
    assert.deepEqual(doc.meta.authors, ['Ana']);
    assert.equal(doc.timeline.length, 1);
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

  it("declares the writer's zone, keeps every time in UTC and lints clean in that zone: the start's entry takes the example placeholder's place (trial T10)", () => {
    for (const zone of ['Europe/Berlin', 'America/Los_Angeles', 'UTC']) {
      const text = renderPostmortemTemplate({ zone, title: 'Outage', now, started: Date.parse('2026-11-27T05:40:00Z') });
      const doc = parsePostmortem(text);
      assert.equal(doc.meta.timezone, zone);
      assert.equal(doc.timezone, zone);
      assert.equal(doc.meta.started_at, '2026-11-27T05:40:00Z');
      const problems = lintText(text, { now, writerZone: zone }).diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning');
      assert.deepEqual(problems.map((d) => d.code), [], zone);
      // Marked [started], not [detected]: a detection at the start would be a time to detect of 0.
      assert.match(text, /^- 2026-11-27 05:40Z \[started\] Describe what started the incident$/m);
      assert.doesNotMatch(text, /^- YYYY-MM-DD/m);
    }
  });

  it('puts the source right after the time, as the format does, in the example entry and its comment', () => {
    const text = renderPostmortemTemplate({ zone: 'UTC', title: 'Outage', now });
    assert.match(text, /^- YYYY-MM-DD HH:MMZ \(alert\) \[detected\] Describe the first signal$/m);
    assert.match(text, /`- YYYY-MM-DD HH:MMZ \(source\) \[milestone\] what happened`/);
    // Filled in as the placeholder shows, it is read as the format's order: time, source, milestone.
    const entry = parsePostmortem(text.replace(/^- YYYY-MM-DD HH:MMZ/m, '- 2026-11-27 05:31Z')).timeline[0];
    assert.deepEqual([entry.instant, entry.source, entry.milestones], [Date.parse('2026-11-27T05:31:00Z'), 'alert', ['detected']]);
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

  it('is the same template as the pm-postmortem snippet, with tab stops for the title, the id and the first entry (its time a placeholder)', () => {
    const snippet = renderPostmortemSnippet({ zone: 'Europe/Berlin', now });
    assert.match(snippet, /^title: \$\{1:What happened to the system, in one blameless line\}$/m);
    assert.match(snippet, /^# \$\{1\}$/m);
    assert.match(snippet, /^id: \$\{2:PM-20261127-incident\}$/m);
    assert.match(snippet, /^timezone: Europe\/Berlin {2}#/m);
    assert.match(snippet, /^- \$\{3:YYYY-MM-DD HH:MM\}Z \(alert\) \[detected\] \$\{4:Describe the first signal\}$/m);
    assert.match(snippet, /^# started_at: YYYY-MM-DDTHH:MM:SSZ/m);
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

  // trial13a F18: the emoji's VARIATION SELECTOR-16 stayed in the file name as an invisible "letter".
  it('drops an emoji with its variation selector and joiners; keeps the marks written on letters', () => {
    assert.equal(slugify('Checkout \u26A0\uFE0F 5xx'), 'checkout-5xx');
    assert.equal(slugify('Deploy \u{1F468}\u200D\u{1F4BB}\uFE0F\u{1F3FD} broke'), 'deploy-broke');
    assert.equal(slugify('\u2764\uFE0Eok'), 'ok', 'the text-style selector too');
    assert.equal(slugify('\u092D\u0941\u0917\u0924\u093E\u0928 \u0935\u093F\u092B\u0932'), '\u092D\u0941\u0917\u0924\u093E\u0928-\u0935\u093F\u092B\u0932', 'Devanagari vowel signs kept');
    assert.equal(slugify('z\u0308oe'), 'z\u0308oe', 'a combining mark no precomposed letter has stays on its letter');
    assert.equal(idSlug('Checkout \u26A0\uFE0F 5xx'), slugify('Checkout \u26A0\uFE0F 5xx'), 'file and id slugs agree');
  });

  it("uses the writer's date in their zone, in every host (CLI, command, snippet)", () => {
    const lateInLosAngeles = new Date('2026-12-06T06:49:00Z'); // 22:49 on the 5th in Los Angeles
    assert.equal(fileNameFor('DNS outage', lateInLosAngeles, 1, 'America/Los_Angeles'), '2026-12-05-dns-outage.md');
    assert.equal(defaultIdFor('DNS outage', lateInLosAngeles, 2, 'America/Los_Angeles'), 'PM-20261205-dns-outage-2');
    assert.equal(fileNameFor('DNS outage', lateInLosAngeles), '2026-12-06-dns-outage.md');
    const text = renderPostmortemTemplate({ title: 'DNS outage', now: lateInLosAngeles, zone: 'America/Los_Angeles', started: lateInLosAngeles.getTime() });
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
