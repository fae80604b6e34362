import { at, isAlnum, isBase64Url, runEnd } from './chars';
import type { RedactionFinding } from './kinds';

const HOSTS = ['hooks.slack.com/services/', 'hooks.slack.com/workflows/', 'hooks.slack.com/triggers/'];

/**
 * Slack incoming-webhook URLs (`https://hooks.slack.com/services/T…/B…/…`): anyone holding one can
 * post to the channel. The whole URL is the secret, from `https://` (when written) to its last path part.
 */
export function findSlackWebhooks(text: string): RedactionFinding[] {
  const out: RedactionFinding[] = [];
  for (const host of HOSTS) {
    let from = 0;
    for (;;) {
      const i = text.indexOf(host, from);
      if (i < 0) break;
      from = i + host.length;
      // Path parts: ids and the secret, separated by `/`; at least two parts after the host.
      let end = from;
      let parts = 0;
      for (let guard = 0; guard < 8; guard++) {
        const partEnd = runEnd(text, end, isBase64Url, 128);
        if (partEnd === end) break;
        parts++;
        end = partEnd;
        if (at(text, end) !== 47 || !isAlnum(at(text, end + 1))) break;
        end++;
      }
      if (parts < 2) continue;
      const start = text.startsWith('https://', i - 8) ? i - 8 : text.startsWith('http://', i - 7) ? i - 7 : i;
      out.push({ kind: 'slack-webhook', start, end, label: 'slack-webhook' });
      from = end;
    }
  }
  return out;
}
