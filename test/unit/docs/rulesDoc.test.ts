import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../../src/core/rules';
import { FIX_NOTES, renderRulesDoc } from '../../../scripts/rulesDoc';

describe('docs/rules.md', () => {
  it('lists every rule as the registry describes it (run `npx tsx scripts/gen-rules-doc.ts`)', () => {
    assert.equal(readFileSync(join(__dirname, '../../../docs/rules.md'), 'utf8'), renderRulesDoc(ALL_RULES));
  });

  it('gives every rule a unique code and a description', () => {
    const codes = ALL_RULES.flatMap((r) => [r.code, ...(r.subCodes ?? [])]);
    assert.equal(new Set(codes).size, codes.length, 'duplicate rule codes');
    for (const r of ALL_RULES) assert.ok(r.description.length > 10, `${r.code} needs a description`);
  });

  it('says for every rule what its quick fix does, or why it has none (FIX_NOTES in scripts/rulesDoc.ts)', () => {
    const missing = ALL_RULES.map((r) => r.code).filter((c) => !FIX_NOTES[c]);
    assert.deepEqual(missing, [], `add these codes to FIX_NOTES in scripts/rulesDoc.ts: ${missing.join(', ')}`);
    const stale = Object.keys(FIX_NOTES).filter((c) => !ALL_RULES.some((r) => r.code === c));
    assert.deepEqual(stale, [], 'FIX_NOTES names codes no rule has');
  });
});
