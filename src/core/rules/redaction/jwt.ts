import { redactionRule } from './redactionRule';

export const redactionJwt = redactionRule(
  'jwt',
  'JSON Web Tokens (`eyJ….eyJ….…` whose header names `alg` or `typ`) are redacted: they are bearer credentials until they expire.',
  'redact it here (and revoke the session if it has not expired)',
);
