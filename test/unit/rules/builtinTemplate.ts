import { newPostmortemText } from '../../../src/core/template/create';

/** A post-mortem as `postmortem new` writes it from the built-in template (Tokyo, started 2026-12-06 14:50Z), with the status given. */
export function renderBuiltinTemplate(status = 'draft'): string {
  const made = newPostmortemText({ title: 'Checkout API 5xx', now: new Date('2026-12-07T02:40:00Z'), zone: 'Asia/Tokyo', started: Date.parse('2026-12-06T14:50:00Z'), id: 'PM-20261206-checkout-api-5xx' });
  return made.text!.replace('\nstatus: draft\n', `\nstatus: ${status}\n`);
}
