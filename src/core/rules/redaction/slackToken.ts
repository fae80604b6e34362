import { redactionRule } from './redactionRule';

export const redactionSlackToken = redactionRule(
  'slack-token',
  'Slack tokens (`xoxb-`, `xoxp-`, `xoxa-`, `xoxr-`, `xoxs-`, `xoxe-`, `xapp-`) are redacted.',
  'revoke it at the provider (it has been seen) and redact it here',
);
