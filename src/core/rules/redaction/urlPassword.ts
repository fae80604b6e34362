import { redactionRule } from './redactionRule';

export const redactionUrlPassword = redactionRule(
  'url-password',
  'Passwords in URLs (`scheme://user:password@host`) are redacted; placeholders like `***`, `<password>` or `${DB_PASS}` are not flagged.',
  'change the password and redact it here',
);
