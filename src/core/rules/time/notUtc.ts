import { isYamlBroken } from '../../document/frontMatter';
import type { Rule } from '../../lint/rule';
import { validateFrontMatter } from '../../schema/validator';
import { formatIsoUtc } from '../../time/zones';
import { frontMatterTimes } from './frontMatterTimes';

/**
 * Front-matter times are stored in UTC so that metrics and the review deadline compare like with
 * like. A valid ISO date-time with another offset (`+02:00`) is converted; values with no zone or a
 * zone name are not valid date-times at all, and `schema/format` already reports and fixes them.
 */
export const timeNotUtc: Rule = {
  code: 'time/not-utc',
  defaultSeverity: 'warning',
  description: 'Front-matter times (`started_at`, `detected_at`, …) are written in UTC (`…Z`); other offsets are converted.',
  check({ doc, report }) {
    const fm = doc.frontMatter;
    if (!fm?.data || isYamlBroken(fm)) return;
    const formatErrors = new Set(validateFrontMatter(fm.data).filter((e) => e.keyword === 'format').map((e) => e.instancePath));
    for (const time of frontMatterTimes(doc).values()) {
      if (time.parsed.isUtc || time.parsed.zone === undefined || formatErrors.has(`/${time.key}`)) continue;
      const utc = formatIsoUtc(time.parsed.ms);
      // Keep the user's quoting style: replace inside the quotes when the value is quoted.
      const written = doc.text.slice(doc.lines.offsetAt(time.range.start), doc.lines.offsetAt(time.range.end));
      const quote = /^["']/.test(written) ? written[0] : '';
      report({
        range: time.range,
        message: `Expected \`${time.key}\` in UTC, like ${utc}, found ${time.value} (offset ${time.parsed.zone})`,
        fixes: [{ title: `Convert from ${time.parsed.zone} to UTC: ${utc}`, edits: [{ range: time.range, newText: `${quote}${utc}${quote}` }], isPreferred: true }],
      });
    }
  },
};
