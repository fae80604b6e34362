import type { ErrorObject } from 'ajv';
import schema from '../../../schemas/postmortem.schema.json';
import validate from './postmortemValidate.generated';

export { schema as postmortemSchema };

/** What Ajv's standalone code exports: a validator that leaves its errors on itself. */
type StandaloneValidate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

/**
 * Validates front matter against schemas/postmortem.schema.json with the code Ajv generates from it
 * (postmortemValidate.generated.ts, `npx tsx scripts/gen-schema-validator.ts`): compiling the schema
 * at run time cost ~75 ms CPU in every process and lint worker; validating costs ~0.02 ms.
 */
export function validateFrontMatter(data: unknown): ErrorObject[] {
  const check = validate as StandaloneValidate;
  return check(data) ? [] : [...(check.errors ?? [])];
}

type SchemaNode = { description?: string; properties?: Record<string, SchemaNode>; enum?: unknown[]; const?: unknown };

/** The schema node for a property path (`['impact', 'users_affected']`), for hover and completion. */
export function schemaNodeAt(path: readonly string[]): SchemaNode | undefined {
  let node: SchemaNode | undefined = schema as SchemaNode;
  for (const key of path) node = node?.properties?.[key];
  return node;
}
