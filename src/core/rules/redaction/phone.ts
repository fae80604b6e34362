import { redactionRule } from './redactionRule';

export const redactionPhone = redactionRule(
  'phone',
  'Phone numbers written with `+` and a country code, in North American form (`(415) 555-2671`), in a national form after a label (`Phone: 020 7946 0958`) or in a link target (`tel:+6433050000`, `wa.me/…`, `?phone=…`) are redacted; North American fictional 555-01xx numbers (national or `+1`) are allowed.',
  'redact it, or add it to `redaction.allow` when it is a public number',
);
