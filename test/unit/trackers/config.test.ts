import assert from 'node:assert/strict';
import { resolveConfig, settingOfProblem } from '../../../src/core/config/resolve';
import type { UserConfig } from '../../../src/core/config/config';

const problemsOf = (layer: UserConfig) => resolveConfig(layer).problems;

describe('trackers: the "tracker" and "owners" settings of .postmortemrc.json', () => {
  it('reads a GitHub tracker with labels and an owners map (owner names case-insensitive, @ optional)', () => {
    const config = resolveConfig({ tracker: { type: 'github', repository: 'acme/shop', labels: ['postmortem'] }, owners: { '@Dana': { github: 'dana-l' } } });
    assert.deepEqual(config.problems, []);
    assert.deepEqual(config.tracker, { type: 'github', fields: { repository: 'acme/shop' }, labels: ['postmortem'] });
    assert.deepEqual(config.owners, { dana: { github: 'dana-l' } });
  });

  it('reads GitLab and Jira trackers with their own fields', () => {
    assert.deepEqual(resolveConfig({ tracker: { type: 'gitlab', project: 'group/sub/app', url: 'https://gitlab.example.com/api/v4' } }).tracker?.fields, { project: 'group/sub/app', url: 'https://gitlab.example.com/api/v4' });
    assert.deepEqual(resolveConfig({ tracker: { type: 'jira', site: 'https://acme.atlassian.net', project: 'OPS', issueType: 'Bug' } }).tracker?.fields, { site: 'https://acme.atlassian.net', project: 'OPS', issueType: 'Bug' });
  });

  it('says what is wrong, by setting, and uses no tracker then', () => {
    const cases: [unknown, RegExp][] = [
      ['github', /^Expected "tracker" to be an object/],
      [{ type: 'trello' }, /^Expected "tracker\.type" to be one of github, gitlab, jira, found "trello"/],
      [{ type: 'github' }, /^Expected "tracker\.repository" \("OWNER\/REPO", like "acme\/shop"\) for a github tracker/],
      [{ type: 'github', repository: 'shop' }, /^Expected "tracker\.repository" to be "OWNER\/REPO", like "acme\/shop", found "shop"/],
      [{ type: 'github', repository: 'acme/shop', project: 'x' }, /^Expected "tracker\.project" not to be there: a github tracker takes repository, url, labels/],
      [{ type: 'github', repository: 'acme/shop', labels: 'postmortem' }, /^Expected "tracker\.labels" to be a list of label names/],
      [{ type: 'jira', site: 'acme.atlassian.net', project: 'OPS' }, /^Expected "tracker\.site" to be the Jira site/],
      [{ type: 'jira', site: 'https://acme.atlassian.net', project: 'ops' }, /^Expected "tracker\.project" to be the project key/],
    ];
    for (const [tracker, expected] of cases) {
      const config = resolveConfig({ tracker });
      assert.equal(config.tracker, undefined, JSON.stringify(tracker));
      assert.equal(config.problems.length, 1, `${JSON.stringify(tracker)}: ${config.problems.join(' | ')}`);
      assert.match(config.problems[0]!, expected);
      assert.equal(settingOfProblem(config.problems[0]!), 'tracker');
    }
  });

  it('checks the owners map', () => {
    assert.match(problemsOf({ owners: ['dana'] })[0]!, /^Expected "owners" to be an object like/);
    assert.match(problemsOf({ owners: { dana: 'dana-l' } })[0]!, /^Expected "owners\.dana" to map tracker types to user names/);
    assert.match(problemsOf({ owners: { dana: { gihub: 'dana-l' } } })[0]!, /^Expected "owners\.dana" to use tracker types \(github, gitlab, jira\) as keys, found "gihub"/);
    assert.equal(settingOfProblem(problemsOf({ owners: ['dana'] })[0]!), 'owners');
  });

  it('a nearer file replaces the tracker; a broken one does not fall back to a farther file\'s tracker', () => {
    const far = { tracker: { type: 'github', repository: 'acme/shop' }, owners: { dana: { github: 'dana-l' } } };
    assert.equal(resolveConfig(far, { tracker: { type: 'gitlab', project: 'acme/app' } }).tracker?.type, 'gitlab');
    assert.equal(resolveConfig(far, { tracker: { type: 'github' } }).tracker, undefined);
    assert.deepEqual(resolveConfig(far, { owners: { bob: { github: 'bob-k' } } }).owners, { dana: { github: 'dana-l' }, bob: { github: 'bob-k' } });
  });
});
