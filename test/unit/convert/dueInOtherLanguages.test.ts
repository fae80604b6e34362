import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';
import { readSummary } from '../../../src/core/index/readSummary';

/**
 * Trial 15a F7: a German review's `- [ ] Canary einführen (@anna, bis 15.03.2026)` kept its due
 * date as words, lint then showed the item as "Canary einführen (, bis 15.03.2026)" with no due
 * date, and convert said "complete". Due dates are read as reviews write them in the languages
 * convert reads times in; what looks like one but is not read is said (exit 1), and no debris of
 * the owner or the date is left in the item's words.
 */
const lines = (...l: string[]) => l.join('\n') + '\n';
const items = (text: string) => text.split('\n').filter((l) => /^- \[[ x]\] /.test(l));
const said = (r: ReturnType<typeof convertPostmortem>, code: string) => r.diagnostics.filter((d) => d.code === `convert/${code}`).map((d) => [d.range.start.line + 1, d.severity, d.message]);
/** The items as the Action items view and `postmortem actions` read the converted file. */
const read = (text: string) => readSummary(text).actionItems.map((a) => [a.description, a.owner ?? null, a.due ?? null]);

const german = (...tasks: string[]) => lines('# Ausfall des Zahlungsdienstes', '', '## Zusammenfassung', '',
  'Der Zahlungsdienst war für 40 Minuten nicht erreichbar. Die Ursache war ein Deployment, das nicht getestet wurde.', '',
  '## Zeitablauf (alle Zeiten MEZ)', '', '- 01.03.2026 22:10 Deployment gestartet', '- 01.03.2026 22:50 Rollback abgeschlossen', '',
  '## Maßnahmen', '', ...tasks.map((t) => `- [ ] ${t}`));

describe('convert: due dates written in other languages (trial 15a F7)', () => {
  it('the trial\'s German item: "bis 15.03.2026" is the due date, @anna the owner, and no "(, bis …)" is left in the title', () => {
    const r = convertPostmortem(german('Canary einführen (@anna, bis 15.03.2026)', 'Alarme prüfen (@ben, fällig am 20.03.2026)'));
    assert.deepEqual(items(r.text), ['- [ ] Canary einführen @anna due:2026-03-15', '- [ ] Alarme prüfen @ben due:2026-03-20']);
    assert.deepEqual(read(r.text), [['Canary einführen', 'anna', '2026-03-15'], ['Alarme prüfen', 'ben', '2026-03-20']]);
    assert.deepEqual(said(r, 'due-order')[0], [14, 'info', 'Due date "15.03.2026" read as 2026-03-15: day first, as dates written with dots are']);
    assert.equal(r.report.complete, true);
  });

  it('a German due date that is not read ("bis nächste Woche", "Frist: KW 12") is said, never "complete", and the owner leaves no "(, …)"', () => {
    const r = convertPostmortem(german('Tests schreiben (@anna, bis nächste Woche)', 'Monitoring erweitern (Frist: KW 12)'));
    assert.deepEqual(items(r.text), ['- [ ] Tests schreiben (bis nächste Woche) @anna', '- [ ] Monitoring erweitern (Frist: KW 12)']);
    assert.deepEqual(read(r.text)[0], ['Tests schreiben (bis nächste Woche)', 'anna', null]);
    assert.deepEqual(said(r, 'due-not-read').map((d) => d.slice(0, 2)), [[14, 'warning'], [15, 'warning']]);
    assert.match(String(said(r, 'due-not-read')[0][2]), /^Due date "nächste Woche" is not read: it names a week, a period or a day relative to when it was written, not a date; write due:YYYY-MM-DD$/);
    assert.equal(r.report.complete, false);
  });

  it('a date inside the sentence ("Canary bis 15.03.2026 einführen") stays as written and is said with the token to write', () => {
    const r = convertPostmortem(german('Canary bis 15.03.2026 einführen @anna'));
    assert.deepEqual(items(r.text), ['- [ ] Canary bis 15.03.2026 einführen @anna']);
    assert.match(String(said(r, 'due-not-read')[0]?.[2]), /other words follow "15\.03\.2026" \("einführen"\): if it is the item's due date, write due:2026-03-15/);
    assert.equal(r.report.complete, false);
  });

  it('"bis" before no date ("bis zu 5 %") is no due date: nothing read, nothing said', () => {
    const r = convertPostmortem(german('Fehlerrate bis zu 5 % senken @anna'));
    assert.deepEqual(items(r.text), ['- [ ] Fehlerrate bis zu 5 % senken @anna']);
    assert.deepEqual(said(r, 'due-not-read'), []);
    assert.equal(r.report.complete, true);
  });

  it('French, Spanish, Portuguese, Dutch: "d\'ici le", "avant le", "para el", "plazo:", "até", "uiterlijk", with month names', () => {
    const cases: [string, string, string][] = [
      ['Le service a été indisponible pour les clients et nous avons trouvé la cause avec les équipes.', "Ajouter un canari (@anna, d'ici le 15/03/2026)", '- [ ] Ajouter un canari @anna due:2026-03-15'],
      ['Le service a été indisponible pour les clients et nous avons trouvé la cause avec les équipes.', 'Revoir les alertes avant le 20 mars 2026 @ben', '- [ ] Revoir les alertes @ben due:2026-03-20'],
      ['El servicio no estuvo disponible para los clientes y la causa fue un cambio del equipo.', 'Añadir canario para el 15 de marzo de 2026 @ana', '- [ ] Añadir canario @ana due:2026-03-15'],
      ['El servicio no estuvo disponible para los clientes y la causa fue un cambio del equipo.', 'Revisar alertas (plazo: 20/03/2026)', '- [ ] Revisar alertas due:2026-03-20'],
      ['O serviço não foi disponível para os clientes e a causa foi uma mudança do time.', 'Adicionar canário até 15/03/2026 @ana', '- [ ] Adicionar canário @ana due:2026-03-15'],
      ['De dienst was niet beschikbaar voor de klanten en het werd een fout van het team.', 'Alerts nakijken (uiterlijk 20 maart 2026)', '- [ ] Alerts nakijken due:2026-03-20'],
    ];
    for (const [prose, task, expected] of cases) {
      const r = convertPostmortem(lines('# Incident', '', prose, '', '## Timeline', '', '- 2026-03-01 22:10 UTC Deploy', '', '## Action items', '', `- [ ] ${task}`));
      assert.deepEqual(items(r.text), [expected], task);
      assert.deepEqual(said(r, 'due-not-read'), [], task);
    }
    // "para el equipo": a preposition before no date.
    const team = convertPostmortem(lines('# Incidente', '', '## Timeline', '', '- 2026-03-01 22:10 UTC Deploy', '', '## Action items', '', '- [ ] Mejorar la guía para el equipo'));
    assert.deepEqual(items(team.text), ['- [ ] Mejorar la guía para el equipo']);
  });

  it('Japanese: "（@anna、期限：2026/03/15）", "3月15日まで", "2026年4月1日までに @ben"; a year-less date takes the year of the earliest entry, said', () => {
    const r = convertPostmortem(lines('# 障害報告', '', '## タイムライン', '', '- 2026-03-01 22:10 JST デプロイ', '', '## 再発防止策', '',
      '- [ ] カナリア導入（@anna、期限：2026/03/15）', '- [ ] アラート見直し 3月15日まで', '- [ ] 手順書 2026年4月1日までに @ben', '- [ ] 監視追加 期限: 来週'));
    assert.deepEqual(items(r.text), ['- [ ] カナリア導入 @anna due:2026-03-15', '- [ ] アラート見直し due:2026-03-15', '- [ ] 手順書 @ben due:2026-04-01', '- [ ] 監視追加 期限: 来週']);
    assert.deepEqual(said(r, 'due-year'), [[10, 'info', 'Due date "3月15日" read as 2026-03-15: year taken from the earliest timeline entry (2026-03-01)']]);
    assert.deepEqual(said(r, 'due-not-read').map((d) => d[0]), [12]);
  });

  it('English: "by 3/15", "due Mar 15" are read; "by end of Q1 2027" is its last day, said as a guess in the report and the file', () => {
    const r = convertPostmortem(lines('# Outage', '', 'The service was down for the customers and we found the cause with the team.', '', '## Timeline', '', 'All times in Pacific time.', '',
      '- 2026-03-01 10:10 Deploy', '', '## Action items', '', '- [ ] Fix alerting by 3/15 @kim', '- [ ] Add runbook due Mar 15', '- [ ] Load test by end of Q1 2027', '- [ ] Reduce errors by 50%', '- [ ] Fixed by the new deploy', '- [ ] Keep the flag on until 3/15'));
    // "until" is when something stops, not when it is due: left as written.
    assert.deepEqual(items(r.text), ['- [ ] Fix alerting @kim due:2026-03-15', '- [ ] Add runbook due:2026-03-15', '- [ ] Load test due:2027-03-31', '- [ ] Reduce errors by 50%', '- [ ] Fixed by the new deploy', '- [ ] Keep the flag on until 3/15']);
    assert.deepEqual(said(r, 'due-guessed'), [[15, 'warning', 'Due date "end of Q1 2027" read as 2027-03-31, the last day of calendar Q1: a guess — check it (a fiscal quarter, or a team\'s "end of", may fall on another day)']]);
    assert.match(r.text, /^Conversion: the due date "end of Q1 2027" \(line 15 of the original\) was written as 2027-03-31, the last day of calendar Q1: a guess, check it\.$/m);
    assert.equal(r.report.complete, false);
  });

  it('a numeric due date no other date settles: read as the text\'s language or zone writes dates, and said when both readings are dates', () => {
    const de = convertPostmortem(german('Canary einführen (@anna, bis 05/04)'));
    assert.deepEqual(items(de.text), ['- [ ] Canary einführen @anna due:2026-04-05']);
    assert.match(String(said(de, 'due-order')[0]?.[2]), /^Due date "05\/04" could be day\/month or month\/day: read day first because the text is German, .*it could be 4 May: check it$/);
    assert.match(de.text, /^Conversion: the due date "05\/04" \(line 14 of the original\) was read day first because the text is German; it could be 4 May: check it\.$/m);
    const uk = convertPostmortem(lines('# Outage', '', 'The service was down for the customers and we found the cause with the team.', '', '## Timeline', '', 'All times are UK time (Europe/London).', '',
      '- 2026-03-01 10:10 Deploy', '', '## Action items', '', '- [ ] Add canary (due 04/05)'));
    assert.deepEqual(items(uk.text), ['- [ ] Add canary due:2026-05-04']);
    assert.match(String(said(uk, 'due-order')[0]?.[2]), /read day first because the document's zone is Europe\/London/);
    assert.equal(uk.report.complete, false);
    // English with no zone: nothing tells, so it is not read (said), never guessed into the file.
    const us = convertPostmortem(lines('# Outage', '', 'The service was down for the customers and we found the cause with the team.', '', '## Timeline', '', '- 2026-03-01 10:10 UTC Deploy', '', '## Action items', '', '- [ ] Add canary (due 04/05)'));
    assert.deepEqual(items(us.text), ['- [ ] Add canary (due 04/05)']);
    assert.deepEqual(said(us, 'due-not-read').map((d) => d[2]), ['Due date "04/05" is not read: 04/05 could be 4 May or 5 April; write due:YYYY-MM-DD']);
  });

  it('a due column headed in another language ("Frist", "Termin") is read as the due date', () => {
    const r = convertPostmortem(lines('# Ausfall', '', '## Zeitablauf (alle Zeiten MEZ)', '', '- 01.03.2026 22:10 Deployment gestartet', '', '## Maßnahmen', '',
      '| Maßnahme | Verantwortlich | Frist |', '|---|---|---|', '| Canary einführen | Anna | 15.03.2026 |'));
    assert.deepEqual(items(r.text), ['- [ ] Canary einführen @Anna due:2026-03-15']);
  });
});
