import { redactionRule } from './redactionRule';

export const redactionPrivateKey = redactionRule(
  'private-key',
  'PEM, OpenSSH and PGP private-key blocks (`-----BEGIN … PRIVATE KEY-----` to its end line) are redacted.',
  'replace the key pair and redact the block here',
);
