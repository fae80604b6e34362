import { writeFileSync } from 'node:fs';
import { renderSchemaValidator } from './schemaValidatorSource';

writeFileSync('src/core/schema/postmortemValidate.generated.ts', renderSchemaValidator());
console.log('src/core/schema/postmortemValidate.generated.ts written');
