import { redactionRule } from './redactionRule';

export const redactionWebhookUrl = redactionRule(
  'webhook-url',
  'Webhook URLs of Microsoft Teams (`….webhook.office.com/webhookb2/…`), Discord (`discord.com/api/webhooks/…`), Google Chat (`chat.googleapis.com/v1/spaces/…`) and PagerDuty Events integrations (`events.pagerduty.com/integration/…`) are redacted: anyone with one can post to the channel or open incidents.',
  'rotate the webhook (or the integration key) and redact it here',
);
