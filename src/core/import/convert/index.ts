export { convertPostmortem, sectionForHeading, NOTES_TITLE } from './convert';
export type { ConvertOptions, ConvertResult } from './model';
export { wordsLost, words } from './words';
