import { redactionRule } from './redactionRule';

export const redactionStripeKey = redactionRule(
  'stripe-key',
  'Stripe live secret and restricted keys (`sk_live_…`, `rk_live_…`) are redacted.',
  'roll the key in the Stripe dashboard and redact it here',
);
