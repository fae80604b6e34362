/**
 * The front-matter schema is validated by code Ajv generated from it once
 * (src/core/schema/postmortemValidate.generated.ts) instead of compiling it in every process. It
 * must be the code today's schema compiles to, and it must say exactly what the run-time compile
 * said: the same errors (keyword, path, params, message) for the front matter of every example and
 * fixture and for generated values of every property.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import fc from 'fast-check';
import { renderSchemaValidator } from '../../../scripts/schemaValidatorSource';
import { readFrontMatterData } from '../../../src/core/frontMatter/frontMatterData';
import { postmortemSchema, validateFrontMatter } from '../../../src/core/schema/validator';
import { LineIndex } from '../../../src/core/text/lineIndex';
import { schemaFormats } from '../../../src/core/time/dateTimeFormat';

const root = join(__dirname, '../../..');

/** The validator as it was built before: compiled from the schema at run time, with the same options. */
function runtimeValidator(): (data: unknown) => unknown[] {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  ajv.addFormat('date-time', schemaFormats['date-time']);
  const compiled = ajv.compile(postmortemSchema);
  return (data) => (compiled(data) ? [] : [...(compiled.errors ?? [])]);
}

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) markdownFiles(path, out);
    else if (name.endsWith('.md')) out.push(path);
  }
  return out;
}

describe('front-matter schema: the generated validator', () => {
  it('is the code the schema compiles to (run `npx tsx scripts/gen-schema-validator.ts`)', () => {
    assert.equal(readFileSync(join(root, 'src/core/schema/postmortemValidate.generated.ts'), 'utf8'), renderSchemaValidator());
  });

  it('reports what the run-time compile reports on every example and fixture', () => {
    const runtime = runtimeValidator();
    let withErrors = 0;
    let read = 0;
    for (const file of [...markdownFiles(join(root, 'examples')), ...markdownFiles(join(root, 'test/fixtures'))]) {
      const data = readFrontMatterData(new LineIndex(readFileSync(file, 'utf8')))?.data;
      if (!data) continue;
      read++;
      const expected = runtime(data);
      assert.deepEqual(validateFrontMatter(data), expected, file);
      if (expected.length) withErrors++;
    }
    // The fixtures hold schema problems of many kinds: the comparison saw errors, not only passes.
    assert.ok(read > 50 && withErrors > 10, JSON.stringify({ read, withErrors }));
  });

  it('reports what the run-time compile reports on generated front matter', () => {
    const runtime = runtimeValidator();
    const properties = Object.keys((postmortemSchema as { properties: Record<string, unknown> }).properties);
    const scalar = fc.oneof(
      fc.constantFrom('postmortem', 'draft', 'in-review', 'published', 'SEV1', 'SEV5', 'UTC', 'Europe/Berlin', 'Mars/Base', '2026-11-20T14:09:00Z',
        '2026-11-20T14:09:00', '2026-11-20', '2026-02-30T10:00:00Z', 'PM-2026-011', '-x', '', '@alex', 'users_affected'),
      fc.string({ maxLength: 12 }), fc.integer({ min: -5, max: 100_000 }), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null),
    );
    const value = fc.oneof(
      { weight: 4, arbitrary: scalar },
      { weight: 1, arbitrary: fc.array(scalar, { maxLength: 3 }) },
      { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('users_affected', 'downtime_minutes', 'revenue_usd', 'business', 'by', 'role', 'at', 'name', 'x'), scalar, { maxKeys: 4 }) },
      { weight: 1, arbitrary: fc.array(fc.dictionary(fc.constantFrom('by', 'role', 'at', 'date', 'name', 'x'), scalar, { maxKeys: 3 }), { maxLength: 2 }) },
    );
    const frontMatter = fc.dictionary(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...properties) }, { weight: 1, arbitrary: fc.constantFrom('statu', 'x', 'Title') }), value, { maxKeys: 12 });
    let withErrors = 0;
    fc.assert(fc.property(frontMatter, (data) => {
      const expected = runtime(data);
      if (expected.length) withErrors++;
      assert.deepEqual(validateFrontMatter(data), expected);
    }), { numRuns: 2000 });
    assert.ok(withErrors > 500, String(withErrors));
  });
});
