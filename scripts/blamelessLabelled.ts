/**
 * The labelled sentences of test/fixtures/blameless/sentences.txt and what `blameless/language`
 * makes of them: shared by the test (each sentence as labelled) and `scripts/blameless-labelled.ts`
 * (precision and recall).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../src/core/lint/engine';
import { blamelessLanguage } from '../src/core/rules/blameless/language';

export type Label = 'blame' | 'fine' | 'blame-missed' | 'fine-flagged';

export interface Labelled {
  readonly line: number;
  readonly label: Label;
  readonly sentence: string;
}

export const SENTENCES_FILE = join(__dirname, '../test/fixtures/blameless/sentences.txt');

export function labelledSentences(text = readFileSync(SENTENCES_FILE, 'utf8')): Labelled[] {
  const out: Labelled[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return;
    const m = /^(blame|fine|blame-missed|fine-flagged): (.+)$/.exec(line);
    if (!m) throw new Error(`${SENTENCES_FILE}:${i + 1}: expected "<label>: <sentence>", found ${JSON.stringify(line)}`);
    out.push({ line: i + 1, label: m[1] as Label, sentence: m[2]! });
  });
  return out;
}

const HEAD = '---\ntype: postmortem\ntitle: Labelled sentence\nstatus: in-review\nparticipants: [Maria Ito, Tom Berg, Tomás Ortega, Kwame Mensah]\n---\n\n# Labelled sentence\n\n## Summary\n\n';

/** The phrases `blameless/language` reports in `sentence` (linted alone, as a paragraph). */
export function flaggedPhrases(sentence: string): string[] {
  return lintText(`${HEAD}${sentence}\n`, { rules: [blamelessLanguage] }).diagnostics
    .filter((d) => d.code === 'blameless/language')
    .map((d) => /"([^"]*)"/.exec(d.message)?.[1] ?? d.message);
}

/** Whether the label says the sentence points at a person (the truth, whatever the rule does). */
export const isBlame = (label: Label) => label === 'blame' || label === 'blame-missed';
