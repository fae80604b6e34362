/**
 * Webhook URLs of Teams, Discord, Google Chat and PagerDuty, and secrets in a URL's query (a
 * pre-signed S3 link, a Power Automate `sig=`, an `access_token=`), as a user meets them: `lint`
 * reports each as an error naming what to rotate, and `lint --fix` redacts them, the rest of the
 * link kept readable.
 */
import { strict as assert } from 'node:assert';
import { buildOnce, fixtureText, runCli, workspace } from '../cli/harness';

const TEAMS = 'https://acme.webhook.office.com/webhookb2/0f1e2d3c-aaaa-bbbb-cccc-0123456789ab@11112222-3333-4444-5555-666677778888/IncomingWebhook/0123456789abcdef0123456789abcdef/9999aaaa-bbbb-cccc-dddd-eeeeffff0000';
const PD = 'https://events.pagerduty.com/integration/0123456789abcdef0123456789abcdef/enqueue';
const S3_SIG = 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404';
const FLOW_SIG = 'Ab3dEfGh1jKlMnOpQrStUvWxYz0123456789-_AbCd';

describe('webhook URLs and tokens in URLs (lint)', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('reports them as errors and --fix redacts them, keeping where the link pointed', () => {
    const prose = [
      `The alert went to Teams (${TEAMS}) and PagerDuty (<${PD}>).`,
      '',
      `The report was shared as https://reports.s3.amazonaws.com/q3.csv?X-Amz-Expires=604800&X-Amz-Signature=${S3_SIG} and the flow at`,
      `https://prod-12.westus.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sv=1.0&sig=${FLOW_SIG}.`,
    ].join('\n');
    const ws = workspace({ 'pm.md': fixtureText('clean.md').replace('## Summary\n', `## Summary\n\n${prose}\n`) });
    try {
      const r = runCli(ws.dir, 'lint', 'pm.md', '--format', 'json');
      assert.equal(r.code, 1, r.stderr);
      const found = (JSON.parse(r.stdout) as { code: string; severity: string; message: string }[]).filter((p) => p.code.startsWith('redaction/'));
      assert.deepEqual(found.map((p) => `${p.code} ${p.severity}`), ['redaction/webhook-url error', 'redaction/webhook-url error', 'redaction/url-token error', 'redaction/url-token error']);
      assert.match(found[0].message, /found a webhook URL \(Teams, Discord, Google Chat or PagerDuty\); rotate the webhook/);
      runCli(ws.dir, 'lint', 'pm.md', '--fix');
      const text = ws.read('pm.md');
      for (const secret of [TEAMS, PD, S3_SIG, FLOW_SIG]) assert.ok(!text.includes(secret), secret);
      assert.ok(text.includes('The alert went to Teams ([redacted: webhook-url]) and PagerDuty (<[redacted: webhook-url]>).'), text);
      assert.ok(text.includes('q3.csv?X-Amz-Expires=604800&X-Amz-Signature=[redacted: url-token] and'), text);
      assert.ok(text.includes('&sv=1.0&sig=[redacted: url-token].'), text);
    } finally {
      ws.cleanup();
    }
  });
});
