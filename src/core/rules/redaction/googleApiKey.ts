import { redactionRule } from './redactionRule';

export const redactionGoogleApiKey = redactionRule(
  'google-api-key',
  'Google API keys (`AIza` + 35 characters) are redacted.',
  'revoke it at the provider (it has been seen) and redact it here',
);
