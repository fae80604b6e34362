import { strict as assert } from 'node:assert';
import { fixAll } from '../../../src/core/fix/fixAll';
import { lintText } from '../../../src/core/lint/engine';
import { renderPostmortemTemplate } from '../../../src/core/template/newPostmortem';

/**
 * A first review as people write it: `postmortem new`, then the timeline typed above the template's
 * example entry (`- YYYY-MM-DD HH:MMZ (alert) [detected] Describe the first signal`), which stays
 * until deleted. The example is no second [detected] entry: the writer's own was ignored, so
 * `detected_at` got no note and no fix while `mitigated_at` and `resolved_at` were filled.
 */
describe('the template\'s example entry beside the writer\'s own [detected] entry', () => {
  const now = new Date('2026-12-07T18:00:00Z');
  const template = renderPostmortemTemplate({ title: 'Checkout latency spike', now, zone: 'UTC' });
  const text = template.replace('## Timeline\n', '## Timeline\n\n- 2026-12-07 08:39Z (alert) [detected] p99 latency above 2 s\n- 2026-12-07 09:00Z [mitigated] Rolled back the cache config\n- 2026-12-07 09:32Z [resolved] Latency normal for 30 minutes\n');

  it('the template still holds its example entry (else this test tests nothing)', () => {
    assert.match(text, /- YYYY-MM-DD HH:MMZ \(alert\) \[detected\]/);
  });

  it('detected_at is noted with the fix from the writer\'s entry, as mitigated_at and resolved_at are', () => {
    const { diagnostics } = lintText(text, { now });
    const notes = diagnostics.filter((d) => d.code === 'timeline/milestone-mismatch').map((d) => d.message);
    for (const key of ['detected_at', 'mitigated_at', 'resolved_at']) assert.ok(notes.some((m) => m.includes(`\`${key}\``)), `${key}: ${notes.join(' | ')}`);
  });

  it('lint --fix writes all three times', () => {
    const fixed = fixAll(text, { now }).text;
    assert.match(fixed, /^detected_at: 2026-12-07T08:39:00Z$/m);
    assert.match(fixed, /^mitigated_at: 2026-12-07T09:00:00Z$/m);
    assert.match(fixed, /^resolved_at: 2026-12-07T09:32:00Z$/m);
  });
});
