import { redactionRule } from './redactionRule';

export const redactionEmail = redactionRule(
  'email',
  'E-mail addresses are redacted, except documentation domains (`example.com`, `.test`, …) and `redaction.allow` entries.',
  'redact it, or add its domain to `redaction.allow` in .postmortemrc.json when it is meant to be there',
);
