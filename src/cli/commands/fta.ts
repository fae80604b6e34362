import { resolve } from 'node:path';
import { analyzeFaultTree, FaultTreeAnalysisError, type FaultTreeAnalysis } from '../../core/diagrams/analysis/analyze';
import { toOpenPsaMef } from '../../core/diagrams/analysis/mef';
import { FAULT_TREE_MARKER, findMermaidBlocks, type MermaidBlock } from '../../core/diagrams/blocks';
import { parseFaultTree } from '../../core/diagrams/faultTree/parse';
import { validateFaultTree } from '../../core/diagrams/faultTree/validate';
import { faultTreePlaceholders } from '../../core/diagrams/faultTree/placeholders';
import { parseCommandArgs, usageMessage } from '../args';
import { EXIT_OK, EXIT_USAGE, type CliIo } from '../io';
import { readMarkdownFile } from '../files/read';

export const FTA_HELP = `Usage: postmortem fta FILE [options]

Fault-tree analysis of the fault trees drawn in FILE (\`\`\`mermaid blocks with "%% ft:fault-tree v2",
or the older "v1"; see docs/diagrams.md): minimal cut sets, single points of failure, the top event's probability
(exact, and the rare-event approximation) and each event's importance (Birnbaum, Fussell-Vesely).

Options:
  --block <n>             Only the nth mermaid block of the file (1-based, as in diagnostics:
                          "diagram n"). Default: every fault tree in the file.
  --format <text|json>    Output format (default text).
  --mef                   Print the fault tree as Open-PSA MEF XML (for SCRAM and other reliability
                          tools); with several fault trees, choose one with --block.
  --max-order <n>         Skip cut sets of more than n events (default 10).
  --max-cut-sets <n>      Keep at most n cut sets, the most probable first (default 1000).
  -h, --help              Show this help.

Examples:
  postmortem fta postmortems/2026-11-20-checkout.md
  postmortem fta incident.md --block 2 --mef > tree.xml

Exit codes: 0 analysed, 2 usage errors, an unreadable file, no fault tree, or a fault tree that
cannot be analysed (its problems are listed with their lines).
`;

interface Options {
  file: string;
  block?: number;
  format: 'text' | 'json';
  mef: boolean;
  maxOrder: number;
  maxCutSets: number;
}

class UsageProblem extends Error {}

function positiveInt(flag: string, value: string | undefined, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageProblem(`Expected a positive whole number after ${flag}, found ${value}.`);
  return Number(value);
}

/** The one option parser of every command (args.ts), then fta's own checks of the values. */
function parseOptions(argv: string[]): Options | 'help' {
  const { values, positionals } = parseCommandArgs('fta', argv, {
    block: { type: 'string' }, format: { type: 'string' }, mef: { type: 'boolean' },
    'max-order': { type: 'string' }, 'max-cut-sets': { type: 'string' },
  });
  if (values.help) return 'help';
  const format = values.format as string | undefined;
  if (format !== undefined && format !== 'text' && format !== 'json') throw new UsageProblem(`Expected --format to be one of text, json, found "${format}"`);
  if (positionals.length === 0) throw new UsageProblem('Expected a FILE to analyse.');
  if (positionals.length > 1) throw new UsageProblem(`Expected one FILE, found also ${positionals[1]}.`);
  const block = positiveInt('--block', values.block as string | undefined);
  return {
    file: positionals[0],
    ...(block !== undefined ? { block } : {}),
    format: format ?? 'text',
    mef: values.mef === true,
    maxOrder: positiveInt('--max-order', values['max-order'] as string | undefined, 10)!,
    maxCutSets: positiveInt('--max-cut-sets', values['max-cut-sets'] as string | undefined, 1000)!,
  };
}

/** `postmortem fta`: fault-tree analysis of the fault-tree blocks of a post-mortem. */
export default async function fta(argv: string[], io: CliIo): Promise<number> {
  let parsed: Options | 'help';
  try {
    parsed = parseOptions(argv);
  } catch (e) {
    if (!(e instanceof UsageProblem)) throw e;
    io.err(`${usageMessage('fta', e.message)}\n`);
    return EXIT_USAGE;
  }
  if (parsed === 'help') {
    io.out(FTA_HELP);
    return EXIT_OK;
  }
  const opts = parsed;
  // The one reading of a post-mortem's bytes, as lint's (files/read.ts): UTF-16 decoded, lone CRs read as
  // line breaks (a classic-Mac file's tree was "No fault tree" here while lint checked it: trial19b F4).
  const read = readMarkdownFile(resolve(io.cwd, opts.file));
  if (read.kind !== 'text' || read.encoding?.code === 'file/nul') {
    io.err(`Cannot read ${opts.file}: ${read.kind === 'error' ? read.message : read.kind === 'skip' ? read.reason : read.encoding!.message}\n`);
    return EXIT_USAGE;
  }
  if (read.encoding) io.err(`warning: ${opts.file}: ${read.encoding.message}\n`);
  const text = read.text;
  const all = findMermaidBlocks(text);
  let blocks: MermaidBlock[];
  if (opts.block !== undefined) {
    const chosen = all[opts.block - 1];
    if (!chosen) {
      io.err(`${opts.file} has ${all.length} mermaid block${all.length === 1 ? '' : 's'}; there is no block ${opts.block}.\n`);
      return EXIT_USAGE;
    }
    if (chosen.kind !== 'fault-tree') {
      io.err(`Block ${opts.block} of ${opts.file} (line ${chosen.range.start.line + 1}) is a ${chosen.kind === 'fishbone' ? 'fishbone' : 'mermaid diagram that is not a fault tree'}; fault trees carry the line "${FAULT_TREE_MARKER}".\n`);
      return EXIT_USAGE;
    }
    blocks = [chosen];
  } else {
    blocks = all.filter((b) => b.kind === 'fault-tree');
    if (blocks.length === 0) {
      io.err(`No fault tree in ${opts.file}: expected a \`\`\`mermaid block with "flowchart TB" and "${FAULT_TREE_MARKER}" (see docs/diagrams.md).\n`);
      return EXIT_USAGE;
    }
  }
  if (opts.mef && blocks.length > 1) {
    io.err(`${opts.file} has ${blocks.length} fault trees (blocks ${blocks.map((b) => b.index + 1).join(', ')}); choose one with --block N for --mef.\n`);
    return EXIT_USAGE;
  }

  const results: { block: number; line: number; analysis: FaultTreeAnalysis; placeholders: string[]; mef: string }[] = [];
  for (const block of blocks) {
    const where = `${opts.file}:${block.range.start.line + 1} (diagram ${block.index + 1})`;
    const parsed = parseFaultTree(block.content);
    const errors = [
      ...parsed.problems.filter((p) => (p.severity ?? 'error') === 'error').map((p) => ({ line: p.line, message: p.message })),
      ...validateFaultTree(parsed.model).filter((i) => i.severity === 'error')
        .map((i) => ({ line: parsed.lines[i.on].get(i.nodeId) ?? parsed.lines.data.get(i.nodeId) ?? 0, message: i.message })),
    ];
    if (errors.length > 0) {
      io.err(`Cannot analyse the fault tree at ${where}:\n${errors.map((e) => `  ${opts.file}:${block.contentStartLine + e.line + 1}: ${e.message}`).join('\n')}\n`);
      return EXIT_USAGE;
    }
    try {
      const analysis = analyzeFaultTree(parsed.model, { maxOrder: opts.maxOrder, maxCutSets: opts.maxCutSets });
      const placeholders = faultTreePlaceholders(parsed.model).map((p) => p.nodeId);
      results.push({ block: block.index + 1, line: block.range.start.line + 1, analysis, placeholders, mef: opts.mef ? toOpenPsaMef(parsed.model) : '' });
    } catch (e) {
      if (!(e instanceof FaultTreeAnalysisError)) throw e;
      io.err(`Cannot analyse the fault tree at ${where}: ${e.message}\n`);
      return EXIT_USAGE;
    }
  }

  if (opts.mef) io.out(results[0].mef);
  else if (opts.format === 'json') io.out(`${JSON.stringify({ file: opts.file, faultTrees: results.map(({ mef: _mef, ...r }) => r) }, null, 2)}\n`);
  else io.out(results.map((r) => formatText(r.analysis, `${opts.file}:${r.line} (diagram ${r.block})`, r.placeholders)).join('\n'));
  return EXIT_OK;
}

/** Six significant digits (like SCRAM's reports), shortest form: 0.0025, 2e-7. */
const num = (x: number): string => String(Number(x.toPrecision(6)));

function table(rows: string[][]): string[] {
  // A loop, not Math.max(...spread): the rows are user-sized (cut sets, events).
  const widths = rows[0].map(() => 0);
  for (const r of rows) for (let c = 0; c < r.length; c++) if (r[c].length > widths[c]) widths[c] = r[c].length;
  return rows.map((r) => `  ${r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ')}`.trimEnd());
}

/** One line, no terminal control characters: labels are user text and may carry escape sequences. */
const plain = (text: string): string => text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();

/**
 * `placeholders`: ids of nodes whose label is still the template's ("First cause"): said first, and
 * marked where named, so "Second cause" is not read as a finding about the incident (trial14b F5).
 */
export function formatText(a: FaultTreeAnalysis, where: string, placeholders: readonly string[] = []): string {
  const label = new Map(a.events.map((e) => [e.id, plain(e.label)]));
  const template = new Set(placeholders);
  const name = (id: string): string => `${id} ${JSON.stringify(label.get(id) ?? '')}${template.has(id) ? ' (template placeholder)' : ''}`;
  const out: string[] = [`Fault tree "${plain(a.topLabel)}" at ${plain(where)}`];
  if (placeholders.length > 0) {
    out.push(`Placeholders: ${placeholders.length} node${placeholders.length === 1 ? '' : 's'} still carry the template's labels (${placeholders.join(', ')}): rename them; until then the figures below are about the template, not the incident`);
  }
  if (a.probability) {
    if (a.probability.underflow) out.push('Top event probability: below 1e-300, too small for a floating-point number (every event has a probability above 0, so it is not 0); the figures below that show 0 underflowed too');
    else out.push(`Top event probability: ${num(a.probability.exact)} (exact, BDD); rare-event approximation ${num(a.probability.rareEvent)}${a.probability.rareEvent > 1 ? ' (above 1, so not a probability: the approximation only holds for rare events; use the exact value)' : ''}${a.limits.orderTruncated ? ` (from cut sets up to order ${a.limits.maxOrder} only)` : ''}`);
  } else {
    out.push(`Top event probability: unknown: no probability for ${a.missingProbabilities.join(', ')}`);
  }
  out.push(a.singlePointsOfFailure.length > 0
    ? `Single points of failure (${a.singlePointsOfFailure.length}): ${a.singlePointsOfFailure.map(name).join(', ')}`
    : 'Single points of failure: none');
  const shown = a.cutSets.length < a.cutSetCount ? `, the ${a.cutSets.length} most probable shown` : '';
  out.push(`Minimal cut sets: ${a.cutSetCount}${shown}${a.limits.orderTruncated ? ` (stopped at order ${a.limits.maxOrder}: larger cut sets exist and are not counted; raise --max-order)` : ''}`);
  if (a.cutSets.length > 0) {
    for (const line of table([
      ['#', 'order', 'probability', 'events'],
      ...a.cutSets.map((c, i) => [String(i + 1), String(c.order), c.probability === undefined ? '-' : num(c.probability), c.events.map(name).join(' + ')]),
    ])) out.push(line);
  }
  if (a.importance && a.importance.length > 0) {
    out.push('Importance (Birnbaum = P(top | event) - P(top | no event); Fussell-Vesely = share of P(top) needing the event):');
    for (const line of table([
      ['event', 'p', 'Birnbaum', 'Fussell-Vesely', 'label'],
      ...a.importance.map((r) => [r.id, num(r.probability), num(r.birnbaum), num(r.fussellVesely), plain(r.label)]),
    ])) out.push(line);
  }
  return `${out.join('\n')}\n`;
}
