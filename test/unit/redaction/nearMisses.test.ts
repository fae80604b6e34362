/**
 * Per kind: a true case and near-misses that must stay quiet (what a post-mortem is full of: version
 * numbers, times, hashes, ids, counts, placeholders), the allow list, team patterns and the config.
 */
import { strict as assert } from 'node:assert';
import { resolveConfig } from '../../../src/core/config/resolve';
import { findSensitive, redactText } from '../../../src/core/redaction';
import type { RedactionKind } from '../../../src/core/redaction';

const kinds = (text: string, config = resolveConfig()) => findSensitive(text, config.redaction).map((f) => `${f.kind}:${text.slice(f.start, f.end)}`);

const A36 = 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';

const CASES: Record<RedactionKind, { found: string[]; quiet: string[] }> = {
  'github-token': {
    found: [`ghp_${A36}`, `token=gho_${A36}.`, `github_pat_11ABCDEFG0123456789abc_${'x'.repeat(59)}`],
    quiet: [`ghp_${A36.slice(1)}`, `xghp_${A36}`, `ghp_${A36}_more`, 'ghp_ is the prefix of personal tokens', 'github_pat_short'],
  },
  'gitlab-token': {
    found: ['glpat-xxxxxxxxxxxxxxxxxxxx'.replace(/x/g, 'k'), 'glrt-0123456789abcdefghij'],
    quiet: ['glpat-short', 'glpat-', 'see glpat-abc for the format'],
  },
  'slack-token': {
    found: ['xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy', 'xoxp-123456789012'],
    quiet: ['xoxb-', 'xoxb-123', 'xoxq-1234567890123', 'the xoxb- prefix'],
  },
  'slack-webhook': {
    found: ['https://hooks.slack.com/services/T024BE7LD/B01ABCD2EFG/abcdEFGHijklMNOPqrstUVWX'],
    quiet: ['https://hooks.slack.com/services/', 'hooks.slack.com is Slack\'s webhook host', 'https://api.slack.com/messaging/webhooks'],
  },
  'aws-access-key': {
    found: ['AKIAIOSFODNN7EXAMPLE', 'key ASIAY34FZKBOKMUTVV7A,'],
    quiet: ['AKIAIOSFODNN7EXAMPL', 'AKIAIOSFODNN7EXAMPLEX', 'XAKIAIOSFODNN7EXAMPLE', 'AKIA is the prefix', 'akiaiosfodnn7example'],
  },
  'aws-secret-key': {
    found: ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', '"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"'],
    quiet: [
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY alone is not taken for a key',
      'commit 9fceb02d0ae598e95dc970b74767f19372d61af8 (a SHA-1) next to AKIA',
      'aws_secret_access_key = <your secret>',
    ],
  },
  'google-api-key': {
    found: ['AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHI'],
    quiet: ['AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsH', 'AIza', 'AIzaSyDdI0hCZtE6vySjMm-WEfRq3CPzqKqqsHIx'],
  },
  'stripe-key': {
    found: ['sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'rk_live_51H8abcdefghijklmnopqrstuv'],
    quiet: ['sk_test_4eC39HqLyjWDarjtT1zdp7dc', 'pk_live_4eC39HqLyjWDarjtT1zdp7dc', 'sk_live_short'],
  },
  jwt: {
    found: ['eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c', 'Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.'],
    quiet: ['eyJhbGciOiJIUzI1NiJ9', 'eyJhbGciOiJIUzI1NiJ9.notjson.sig', 'eyJmb28iOiJiYXIifQ.eyJzdWIiOiJ4In0.abc'],
  },
  'private-key': {
    found: ['-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA\n-----END RSA PRIVATE KEY-----', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAA'],
    quiet: ['-----BEGIN CERTIFICATE-----\nMIIDdzCCAl+gAwIBAgIE\n-----END CERTIFICATE-----', '-----BEGIN PUBLIC KEY-----\nMIIBIjANBg\n-----END PUBLIC KEY-----', 'the -----BEGIN PRIVATE KEY line'],
  },
  'url-password': {
    found: ['postgres://app:hunter2@db.internal:5432/orders', 'https://deploy:S3cr%40t@registry.acme.net/v2/'],
    quiet: ['postgres://app:***@db/orders', 'redis://:${REDIS_PASSWORD}@cache:6379', 'https://user@host/path', 'https://host:8443/path', 'mysql://root:<password>@db', 'see https://a.example/x?u=a:b@c'],
  },
  'webhook-url': {
    found: [
      'https://acme.webhook.office.com/webhookb2/0f1e2d3c-aaaa-bbbb-cccc-0123456789ab@11112222-3333-4444-5555-666677778888/IncomingWebhook/0123456789abcdef0123456789abcdef/9999aaaa-bbbb-cccc-dddd-eeeeffff0000',
      'posted via https://discord.com/api/webhooks/123456789012345678/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_AbCd.',
      'https://events.pagerduty.com/integration/0123456789abcdef0123456789abcdef/enqueue',
    ],
    quiet: ['see discord.com/api/webhooks/ docs', 'Teams (webhook.office.com/webhookb2/) and Google Chat', 'https://events.pagerduty.com/v2/enqueue'],
  },
  'url-token': {
    found: [
      'https://prod-12.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sv=1.0&sig=Ab3dEfGh1jKlMnOpQrStUvWxYz0123456789-_AbCd',
      'https://bucket.s3.amazonaws.com/k?X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
      'GET /api/v1/export?access_token=Zk93qLm2Np8Rt4Vw6Xy1 200',
      'https://x.acme/login?user=dana&password=hunter22',
    ],
    quiet: ['https://api.x.com/v1/q?access_token=${TOKEN}&api_key=<your-key>', 'https://api.x.com/v1/q?token=abc', 'https://example.com/?signature=required-field-name', '?token=xxxxxxxxxxxxxxxxxxxx', '?password=******', 'token=Zk93qLm2Np8Rt4Vw6Xy1 outside a URL query'],
  },
  email: {
    found: ['dana.lee@acme.com', 'mailto:sam+oncall@acme.co.uk', '?email=dana.lee%40acme.com&x=1', 'https://outlook.office.com/owa/dana.lee@acme.com/'],
    quiet: ['po/ca@valencia.po', 'systemctl start pg_dump@15-main.service', 'smp%3A%2F%2Fkey%40smp4.simplex.im', 'test@example.com', 'ops@status.example.org', 'logo@2x.png', 'left-pad@1.3.0', '@dana please look', 'git@github.com:acme/shop.git', 'ssh://deploy@bastion.acme.net', 'security@acme.com', 'sre-team@acme.com', 'ci@acme-ci.iam.gserviceaccount.com', 'user@localhost'],
  },
  phone: {
    found: [
      '+44 20 7946 0958', '(415) 867-5309', '415-867-5309', '+1 (415) 867-5309',
      // As people elsewhere write them (trial 13): whole, Indian mobiles, and national forms after a label.
      'call +6433050000', '+91 9876543210', '+81 3-1234-5678', '+44 (0)20 7946 0958', 'Phone: 020 7946 0958', 'Mobile: 07700 900123 (personal)',
      'Tel. 03-1234-5678', 'TEL：03-1234-5678', '電話: 03-1234-5678', 'Tel: (03) 9123 4567', 'Phone number: 0412 345 678', '[call](tel:+6433050000)',
      'https://wa.me/14158675309', 'https://api.whatsapp.com/send?phone=14158675309',
    ],
    quiet: [
      'n=this._imul(n,5)+3864292196}', '+1000000000 bytes', '+12345678901234567', '+44 20 7946 0958 1234567', 'Phone: 2026-12-07', 'Phone: 0026-12-07',
      'Mobile: 012 errors', 'Cell: 0.5 ratio', 'hotel: 020 7946 0958', 'mobile: 1234567 sessions', 'tel:911', 'sms: 1234567 sent',
      '2026-11-20', '10:42:07', '+0100', '+500 000 000 requests', '1234567890', 'v4.15.555.2671', '(415) 555-0123', 'INC-415-867-5309', '123-456-7890', '3.14159265'],
  },
  'ip-address': {
    found: ['10.0.3.17', 'from 52.94.236.248:443', '2600:1f18:4a3:6901::1f', 'fe80::1ff:fe23:4567:890a', 'Host 10.0.0.12', 'Server: 52.94.236.248', 'Customer 52.94.236.248', 'Pinging 192.168.1.20 failed'],
    quiet: ['OpenSSL 3.0.2.1', 'Build 2.5.7.8', 'build: 2.5.7.8', 'version 4.1.2.3', 'Chrome 120.0.6099.109', 'Kubernetes 1.28.3.1 on the nodes', 'upgraded to Node.js 20.11.1.2', 'v 3.0.2.1', '192.0.2.10', '198.51.100.7', '203.0.113.99', '127.0.0.1', '2001:db8::1', '::1', 'version 1.2.3.4.5', 'v10.0.3.17', '1.2.3', '10:20:30', 'std::vector', 'a::b', '00:1a:2b:3c:4d:5e', '256.1.1.1', '8.8.8.8', '1.3.6.1.4.1.2021'],
  },
  'team-pattern': { found: [], quiet: [] },
};

describe('redaction: true cases and near-misses per kind', () => {
  for (const [kind, { found, quiet }] of Object.entries(CASES) as [RedactionKind, (typeof CASES)[RedactionKind]][]) {
    if (kind === 'team-pattern') continue;
    for (const text of found) {
      it(`${kind}: finds ${JSON.stringify(text.slice(0, 50))}`, () => {
        const f = findSensitive(text);
        assert.equal(f.length, 1, JSON.stringify(kinds(text)));
        assert.equal(f[0].kind, kind);
      });
    }
    it(`${kind}: stays quiet on near-misses`, () => {
      for (const text of quiet) assert.deepEqual(kinds(text), [], text);
    });
  }
});

describe('redaction: allow list and settings', () => {
  it('allows documentation domains and ranges by default, and the team\'s entries', () => {
    const config = resolveConfig({ redaction: { allow: ['acme-status.io', 'support-bot@acme.com', '52.94.0.0/16', 'AKIAIOSFODNN7EXAMPLE'] } });
    assert.deepEqual(config.problems, []);
    assert.deepEqual(kinds('mail bot@acme-status.io, x@eu.acme-status.io and support-bot@acme.com', config), []);
    assert.deepEqual(kinds('dana@acme.com', config), ['email:dana@acme.com']);
    assert.deepEqual(kinds('52.94.236.248 and 52.95.1.1', config), ['ip-address:52.95.1.1']);
    assert.deepEqual(kinds('AKIAIOSFODNN7EXAMPLE', config), []);
  });

  it('takes versions after a version word or a product name for versions, and keeps the address in the same sentence (trial T14)', () => {
    assert.deepEqual(kinds('We upgraded to OpenSSL 3.0.2.1 and Build 2.5.7.8; host 10.0.0.12 answered.'), ['ip-address:10.0.0.12']);
  });

  it('flags private ranges unless allowPrivateIps is set', () => {
    const text = 'db 10.0.3.17, pod 192.168.1.20, ula fd12:3456:789a::1, public 52.94.236.248';
    assert.equal(kinds(text).length, 4);
    assert.deepEqual(kinds(text, resolveConfig({ redaction: { allowPrivateIps: true } })), ['ip-address:52.94.236.248']);
  });

  it('reads team patterns in a safe subset and names them in the placeholder', () => {
    const config = resolveConfig({ redaction: { patterns: [{ name: 'customer-id', pattern: 'CUS-\\d{6}' }, { name: 'account', pattern: 'acct_[a-z0-9]{8,12}' }] } });
    assert.deepEqual(config.problems, []);
    const text = 'Customer CUS-004211 (and acct_9f8e7d6c) hit it; CUS-12345 and XCUS-004211 and CUS-0042119 did not.';
    assert.deepEqual(kinds(text, config), ['team-pattern:CUS-004211', 'team-pattern:acct_9f8e7d6c']);
    assert.ok(redactText(text, findSensitive(text, config.redaction)).startsWith('Customer [redacted: customer-id] (and [redacted: account]) hit'));
  });

  it('says what is wrong with a pattern it cannot read, and keeps the others', () => {
    const config = resolveConfig({ redaction: { patterns: [{ name: 'a', pattern: '(CUS|ORD)-\\d+' }, { name: 'b', pattern: 'x+' }, { name: 'ok', pattern: 'ORD-\\d{4}' }] } });
    assert.equal(config.problems.length, 2, config.problems.join('\n'));
    assert.match(config.problems[0], /"redaction\.patterns" entry "a".*groups, alternatives and anchors are not supported/);
    assert.match(config.problems[1], /fewer than 3 characters/);
    assert.deepEqual(config.redaction.patterns.map((p) => p.name), ['ok']);
  });

  it('reports ill-typed settings', () => {
    const config = resolveConfig({ redaction: { allow: 'example.com', allowPrivateIps: 'yes' } as never });
    assert.equal(config.problems.length, 2);
  });
});

describe('redaction: hostile input stays linear (bounded runs, no backtracking)', () => {
  it('scans long runs of every scanner\'s trigger characters and finds nothing in them', () => {
    for (const unit of ['eyJ', 'ghp_', 'a@', '@a.', '1.', '+1 ', 'a:', '::', '://a:', '-----BEGIN PRIVATE KEY-----', 'AKIA', '9', 'tel:+1', '?phone=0-', 'Phone: 0 ', 'a%40', '/a@b.cc', 'https://a/b@', '+12345678901 ']) {
      const text = unit.repeat(Math.ceil(100_000 / unit.length));
      const findings = findSensitive(text, resolveConfig({ redaction: { patterns: [{ name: 'p', pattern: '\\w+\\w+\\w+x' }] } }).redaction);
      assert.ok(findings.length < text.length, unit);
    }
  });
});

describe('redaction: AWS secret keys after the key id was redacted', () => {
  it('still finds the secret next to `[redacted: aws-access-key]`', () => {
    assert.deepEqual(kinds('[redacted: aws-access-key] wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'), ['aws-secret-key:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']);
  });
});
