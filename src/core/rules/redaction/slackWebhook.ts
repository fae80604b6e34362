import { redactionRule } from './redactionRule';

export const redactionSlackWebhook = redactionRule(
  'slack-webhook',
  'Slack incoming-webhook URLs (`hooks.slack.com/services/…`) are redacted: anyone with one can post to the channel.',
  'rotate the webhook and redact it here',
);
