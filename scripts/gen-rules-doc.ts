import { writeFileSync } from 'node:fs';
import { ALL_RULES } from '../src/core/rules';
import { renderRulesDoc } from './rulesDoc';

writeFileSync('docs/rules.md', renderRulesDoc(ALL_RULES));
console.log(`docs/rules.md: ${ALL_RULES.length} rules`);
