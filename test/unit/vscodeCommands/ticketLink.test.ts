import assert from 'node:assert/strict';
import { repositoryWebUrl, ticketLink, whyNoLink } from '../../../src/vscode/commands/ticketLink';

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

  it('gives tracker keys no link without a template for their prefix', () => {
    assert.equal(ticketLink('OPS-12'), undefined);
    assert.equal(ticketLink('OPS-12', { templates: { PAY: 'https://t.example/browse/{key}' } }), undefined);
    assert.match(whyNoLink('OPS-12') ?? '', /postmortem\.ticketUrls/);
  });

  it('opens tracker keys through the template for their prefix', () => {
    const templates = { OPS: 'https://acme.atlassian.net/browse/{key}', pay: 'https://pay.example/issue/{number}' };
    assert.equal(ticketLink('OPS-123', { templates }), 'https://acme.atlassian.net/browse/OPS-123');
    assert.equal(ticketLink('PAY-7', { templates }), 'https://pay.example/issue/7', 'prefix matched case-insensitively');
    assert.equal(whyNoLink('OPS-123', { templates }), undefined);
  });

  it('never opens what a template makes that is not http(s)', () => {
    assert.equal(ticketLink('OPS-1', { templates: { OPS: 'javascript:alert("{key}")' } }), undefined);
    assert.equal(ticketLink('OPS-1', { templates: { OPS: 'command:workbench.action.terminal.new?{key}' } }), undefined);
    assert.match(whyNoLink('OPS-1', { templates: { OPS: 'file:///{key}' } }) ?? '', /does not make an http/);
  });

  it('links #123 through a "#" template before the repository address', () => {
    assert.equal(ticketLink('#9', { templates: { '#': 'https://gitlab.example/acme/shop/-/issues/{number}' }, repositoryUrl: 'https://github.com/acme/shop' }), 'https://gitlab.example/acme/shop/-/issues/9');
  });

  it('turns git remotes into the repository web address', () => {
    assert.equal(repositoryWebUrl('git@github.com:acme/payments.git'), 'https://github.com/acme/payments');
    assert.equal(repositoryWebUrl('https://github.com/acme/payments.git'), 'https://github.com/acme/payments');
    assert.equal(repositoryWebUrl('ssh://git@gitlab.example.com/group/sub/app.git'), 'https://gitlab.example.com/group/sub/app');
    assert.equal(repositoryWebUrl('https://user:token@github.com/acme/payments.git'), 'https://github.com/acme/payments', 'credentials dropped');
    assert.equal(repositoryWebUrl('/srv/git/app.git'), undefined);
    assert.equal(repositoryWebUrl('file:///srv/git/app.git'), undefined);
  });

  it('links #123 to the repository issue only when the repository address is known', () => {
    assert.equal(ticketLink('#123'), undefined);
    assert.equal(ticketLink('#123', { repositoryUrl: 'https://github.com/acme/payments/' }), 'https://github.com/acme/payments/issues/123');
    assert.equal(ticketLink('#123', { repositoryUrl: 'git@github.com:acme/payments.git' }), undefined, 'a non-web remote is no link');
    assert.equal(ticketLink('#123', { repositoryUrl: 'javascript:alert(1)' }), undefined);
  });
});
