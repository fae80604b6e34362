import { redactionRule } from './redactionRule';

export const redactionUrlToken = redactionRule(
  'url-token',
  'Tokens, keys, passwords and signatures in a URL\'s query (`access_token=`, `api_key=`, `sig=`, `X-Amz-Signature=`, `password=`, …) are redacted, the value only; short or placeholder values (`token=${TOKEN}`) are left alone.',
  'revoke or rotate the token (a pre-signed or SAS link: let it expire or revoke its key) and redact it here',
);
