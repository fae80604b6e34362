/**
 * An address right after another `@` (a mention typed before it, `@kim@acme.com`, or a stray
 * `x@lee@acme.com`) was skipped by the scanner: lint called the file clean and --fix kept it
 * (trial 15a F15). Inside a URL a second `@` is still user-info, the URL check's.
 */
import { strict as assert } from 'node:assert';
import { parseActionText } from '../../../src/core/actions/itemGrammar';
import { findSensitive, redactText } from '../../../src/core/redaction';
import { lintText } from '../../../src/core/lint/engine';

const found = (text: string) => findSensitive(text).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);

describe('redaction: an e-mail address right after an @', () => {
  it('finds the address after a mention sign, a mailto: mention and a stray word', () => {
    assert.deepEqual(found('ping @kim@acme.com now'), ['email:kim@acme.com']);
    assert.deepEqual(found('mailto:@lee@acme.com'), ['email:lee@acme.com']);
    assert.deepEqual(found('x@lee@acme.com'), ['email:lee@acme.com']);
    const text = 'Reported by @kim@acme.com.';
    assert.equal(redactText(text, findSensitive(text)), 'Reported by @[redacted: email].');
  });

  it('still leaves a URL\'s user-info to the URL check', () => {
    assert.deepEqual(found('https://a@b@host.acme.com/x').filter((f) => f.startsWith('email:')), []);
  });
});

describe('action items: @kim@acme.com is not owner @kim', () => {
  it('reads no owner, keeps the title whole and says why', () => {
    const parsed = parseActionText('Rotate keys @kim@acme.com due:2026-12-20');
    assert.equal(parsed.owner, undefined);
    assert.equal(parsed.badOwner?.value, 'kim@acme.com');
    assert.equal(parsed.due?.value, '2026-12-20');
    assert.match(parsed.description, /Rotate keys @kim@acme\.com/);
  });

  it('lint names the token as no handle and the address as personal data', () => {
    const text = '---\ntype: postmortem\nid: PM-1\ntitle: t\nstatus: draft\n---\n\n## Action items\n\n- [ ] Rotate keys @kim@acme.com due:2026-12-20\n';
    const diagnostics = lintText(text, { now: new Date('2026-12-07T12:00:00Z') }).diagnostics;
    const bad = diagnostics.find((d) => d.code === 'actions/bad-owner');
    assert.ok(bad, 'actions/bad-owner reported');
    assert.match(bad.message, /"@kim@acme\.com".*second "@" \(an e-mail address\?\).*no owner/);
    assert.equal(bad.fixes?.[0]?.title, 'Make @kim the owner (the address removed)');
    assert.ok(!bad.fixes?.[0]?.isPreferred);
    assert.ok(diagnostics.some((d) => d.code === 'redaction/email' && d.range.start.line === 9));
  });
});
