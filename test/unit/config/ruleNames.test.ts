import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { resolveConfig, settingOfProblem } from '../../../src/core/config/resolve';
import { knownRuleCodes } from '../../../src/core/config/ruleNames';
import { lintText } from '../../../src/core/lint/engine';

const problemsOf = (rules: unknown) => resolveConfig({ rules } as never).problems;

describe('config: rule names in "rules"', () => {
  it('reports a misspelt rule with the nearest code instead of ignoring it', () => {
    assert.deepEqual(problemsOf({ 'timline/not-utc': 'off' }), ['Unknown rule "timline/not-utc" in "rules"; did you mean timeline/not-utc?']);
    assert.deepEqual(problemsOf({ 'Schema/Unknown_Key': 'off' }), ['Unknown rule "Schema/Unknown_Key" in "rules"; did you mean schema/unknown-key?']);
  });

  it('lists the codes of the area when the name is far from all of them', () => {
    const [problem] = problemsOf({ 'timeline/when-things-happened': 'warning' });
    assert.match(problem, /^Unknown rule "timeline\/when-things-happened" in "rules"; the timeline rules are timeline\/not-utc, .*timeline\/zone-note/);
  });

  it('does not guess for a name like no code at all', () => {
    assert.deepEqual(problemsOf({ 'nonexistent/rule': 'error' }), [
      'Unknown rule "nonexistent/rule" in "rules"; no rule reports it (codes look like timeline/not-utc: area/name; docs/rules.md lists them all)',
    ]);
  });

  it('accepts every rule code and sub-code, and still applies them', () => {
    const rules = { 'schema/enum': 'off', 'schema/unique-items': 'warning', 'fault-tree/cycle': 'info', 'review/no-facilitator': 'off', 'internal/rule-error': 'off' };
    const config = resolveConfig({ rules } as never);
    assert.deepEqual(config.problems, []);
    assert.equal(config.rules['schema/unique-items'], 'warning');
  });

  it('says so when "rules" is not an object', () => {
    assert.match(problemsOf(['timeline/not-utc'])[0], /^Expected "rules" to be an object of rule codes and severities/);
    assert.match(problemsOf('off')[0], /^Expected "rules" to be an object/);
  });

  it('knows every code the rules report on the fixtures (no false "unknown rule")', () => {
    const dir = join(__dirname, '../../fixtures/lint');
    const known = new Set(knownRuleCodes());
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.md'))) {
      for (const d of lintText(readFileSync(join(dir, f), 'utf8'), { now: new Date('2026-11-27T12:00:00Z') }).diagnostics) {
        assert.ok(known.has(d.code), `${f}: ${d.code} is reported but not declared (add it to the rule's subCodes)`);
      }
    }
  });
});

describe('config: which setting a problem is about', () => {
  it('tells rule problems from the settings other commands use', () => {
    const problems = resolveConfig({
      rules: { 'timeline/not-utc': 'eror', nope: 'off' },
      globs: 'postmortems',
      sectionAliases: { timeline: 'Sequence', globs: ['x'] },
      requiredSections: ['nope'],
      reviewDeadlineHours: -1,
    } as never).problems;
    assert.deepEqual(problems.map(settingOfProblem), ['rules', 'rules', 'requiredSections', 'reviewDeadlineHours', 'globs', 'sectionAliases', 'sectionAliases']);
    assert.equal(settingOfProblem('/repo/.postmortemrc.json: expected valid JSON (Unexpected end of JSON input)'), undefined);
  });
});
