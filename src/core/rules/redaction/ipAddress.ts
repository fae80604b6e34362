import { redactionRule } from './redactionRule';

export const redactionIpAddress = redactionRule(
  'ip-address',
  'IPv4 and IPv6 addresses are redacted, except documentation ranges (RFC 5737, RFC 3849), loopback and `redaction.allow` ranges; private ranges too with `redaction.allowPrivateIps`.',
  'redact it, or allow the range with `redaction.allow` (CIDR) or `redaction.allowPrivateIps`',
);
