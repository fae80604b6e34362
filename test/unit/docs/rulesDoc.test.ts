import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../../src/core/rules';
import { renderRulesDoc } from '../../../scripts/rulesDoc';

describe('docs/rules.md', () => {
  it('lists every rule as the registry describes it (run `npx tsx scripts/gen-rules-doc.ts`)', () => {
    assert.equal(readFileSync(join(__dirname, '../../../docs/rules.md'), 'utf8'), renderRulesDoc(ALL_RULES));
  });

  it('gives every rule a unique code and a description', () => {
    const codes = ALL_RULES.flatMap((r) => [r.code, ...(r.subCodes ?? [])]);
    assert.equal(new Set(codes).size, codes.length, 'duplicate rule codes');
    for (const r of ALL_RULES) assert.ok(r.description.length > 10, `${r.code} needs a description`);
  });
});
