/** The CLI's name for the core's Windows-1252 reader (convert decodes a non-UTF-8 original with it). */
export { decodeLegacy, type LegacyText } from '../../core/text/windows1252';
