import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { SECTION_ORDER } from '../../../src/core/document/sectionNames';
import { readSummary } from '../../../src/core/index/readSummary';
import { lintText } from '../../../src/core/lint/engine';
import { defaultIdFor, fileNameFor, idSlug, renderPostmortemTemplate, slugify } from '../../../src/core/template/newPostmortem';
import { validateFrontMatter } from '../../../src/core/schema/validator';

const now = new Date('2026-11-27T05:40:31.250Z');

describe('renderPostmortemTemplate', () => {
  it('fills id, title and UTC times (rounded to the minute) in front matter that passes the schema as a draft', () => {
    const text = renderPostmortemTemplate({ title: 'Checkout 5xx: "pool" change', now });
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
    const doc = parsePostmortem(renderPostmortemTemplate({ title: 'Outage', now, id: 'PM-7', author: 'Ana' }));
    assert.deepEqual(doc.sections.filter((s) => s.id).map((s) => s.id), SECTION_ORDER);
    assert.equal(doc.meta.id, 'PM-7');
    assert.deepEqual(doc.meta.authors, ['Ana']);
    assert.equal(doc.timeline.length, 1);
    assert.equal(doc.timeline[0].instant, Date.parse('2026-11-27T05:40:00Z'));
    assert.equal(doc.fiveWhys?.answers.length, 5);
    // A sample task was counted as an open item of "@owner" in the sidebar, `postmortem actions` and metrics.
    assert.equal(doc.actionItems.length, 0);
    const summary = readSummary(renderPostmortemTemplate({ title: 'Outage', now }));
    assert.deepEqual([summary.actionItems.length, summary.owners], [0, []]);
  });

  it('shows the action-item grammar as an example inside a comment, with a due date two weeks out', () => {
    const text = renderPostmortemTemplate({ title: 'Outage', now });
    const section = text.slice(text.indexOf('## Action items'), text.indexOf('## Lessons learned'));
    assert.match(section, /<!--[^]*- \[ \] Add an alert on connection-pool saturation @alex due:2026-12-11 P2 OPS-123[^]*-->/);
  });

  it('uses the requested line ending throughout', () => {
    const text = renderPostmortemTemplate({ title: 'Outage', now, eol: '\r\n' });
    assert.equal(text.replace(/\r\n/g, '').includes('\n'), false);
  });

  it('quotes titles YAML would misread', () => {
    for (const title of ['yes', 'a: b', '#hash', "it's [fine]", '  spaced  ', '事故']) {
      const doc = parsePostmortem(renderPostmortemTemplate({ title, now }));
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
    const text = renderPostmortemTemplate({ title: '支付服务中断', now });
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
