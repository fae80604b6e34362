import { redactionRule } from './redactionRule';

export const redactionPhone = redactionRule(
  'phone',
  'Phone numbers written with `+` and a country code, or in North American form (`(415) 555-2671`), are redacted; fictional 555-01xx numbers are allowed.',
  'redact it, or add it to `redaction.allow` when it is a public number',
);
