export { REDACTION_KINDS, KIND_INFO, placeholder, type RedactionKind, type RedactionFinding, type RedactionCategory } from './kinds';
export { findSensitive, redactText } from './scan';
export { DEFAULT_REDACTION, resolveRedaction, type RedactionSettings, type UserRedactionConfig } from './config';
export { redactEvents, describeRedactions, redactionNote, type EventRedaction } from './events';
