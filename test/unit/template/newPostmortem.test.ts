import assert from 'node:assert/strict';
import { parsePostmortem } from '../../../src/core/document/parse';
import { SECTION_ORDER } from '../../../src/core/document/sectionNames';
import { scanPostmortem } from '../../../src/core/index/scan';
import { lintText } from '../../../src/core/lint/engine';
import { fileNameFor, renderPostmortemTemplate, slugify } from '../../../src/core/template/newPostmortem';

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

  it('has every canonical section, a timeline entry, five whys and an action item', () => {
    const doc = parsePostmortem(renderPostmortemTemplate({ title: 'Outage', now, id: 'PM-7', author: 'Ana' }));
    assert.deepEqual(doc.sections.filter((s) => s.id).map((s) => s.id), SECTION_ORDER);
    assert.equal(doc.meta.id, 'PM-7');
    assert.deepEqual(doc.meta.authors, ['Ana']);
    assert.equal(doc.timeline.length, 1);
    assert.equal(doc.timeline[0].instant, Date.parse('2026-11-27T05:40:00Z'));
    assert.equal(doc.fiveWhys?.answers.length, 5);
    assert.equal(doc.actionItems.length, 1);
    assert.equal(scanPostmortem(renderPostmortemTemplate({ title: 'Outage', now })).actionItems.length, 1);
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
    assert.equal(slugify('事故'), 'incident');
    assert.ok(slugify('a very long title '.repeat(10)).length <= 48);
    assert.ok(!slugify('a very long title '.repeat(10)).endsWith('-'));
    assert.equal(fileNameFor('DNS outage', now), '2026-11-27-dns-outage.md');
  });
});
