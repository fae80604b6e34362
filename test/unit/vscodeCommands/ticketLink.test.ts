import assert from 'node:assert/strict';
import { ticketLink } from '../../../src/vscode/commands/ticketLink';

describe('ticketLink (what "Open Ticket" may open)', () => {
  it('opens http and https addresses', () => {
    assert.equal(ticketLink('https://tracker.example.com/browse/OPS-12'), 'https://tracker.example.com/browse/OPS-12');
    assert.equal(ticketLink('http://jira.internal/browse/OPS-7'), 'http://jira.internal/browse/OPS-7');
    assert.equal(ticketLink('  https://github.com/acme/pay/issues/4  '), 'https://github.com/acme/pay/issues/4');
  });

  it('refuses schemes that would run or read something', () => {
    for (const ticket of ['javascript:alert(1)', 'JavaScript://%0aalert(1)', 'file:///etc/passwd', 'command:workbench.action.terminal.new', 'vscode://settings', 'data:text/html,<script>1</script>']) {
      assert.equal(ticketLink(ticket), undefined, ticket);
    }
  });

  it('refuses addresses without a host or that do not parse', () => {
    assert.equal(ticketLink('https://'), undefined);
    assert.equal(ticketLink('http://exa mple.com/'), undefined);
  });

  it('gives tracker keys no link', () => {
    assert.equal(ticketLink('OPS-12'), undefined);
  });

  it('links #123 to the repository issue only when the repository address is known', () => {
    assert.equal(ticketLink('#123'), undefined);
    assert.equal(ticketLink('#123', { repositoryUrl: 'https://github.com/acme/payments/' }), 'https://github.com/acme/payments/issues/123');
    assert.equal(ticketLink('#123', { repositoryUrl: 'git@github.com:acme/payments.git' }), undefined, 'a non-web remote is no link');
    assert.equal(ticketLink('#123', { repositoryUrl: 'javascript:alert(1)' }), undefined);
  });
});
