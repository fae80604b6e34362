import assert from 'node:assert/strict';
import { convertPostmortem } from '../../../src/core/import/convert';

/**
 * `05/12/2026` is 5 December or 12 May. When no date of the document settles it (a day over 12),
 * the order is guessed from the document's language, then its zone, and the guess is said in the
 * report and in the file, as the English month-first reading is (trial 14a F13: a Portuguese
 * review was read day first without a word).
 */
const lines = (...l: string[]) => l.join('\n') + '\n';
const entries = (text: string) => text.split('\n').filter((l) => /^- \d{4}-/.test(l));
const ambiguous = (r: ReturnType<typeof convertPostmortem>) => r.diagnostics.filter((d) => d.code === 'convert/ambiguous-date').map((d) => [d.range.start.line, d.severity, d.message]);

describe('convert: the order of day and month, when the dates do not settle it', () => {
  it('a Brazilian review: day first, because the text is Portuguese — said as a warning and in the file', () => {
    const r = convertPostmortem(lines('# Pós-incidente: PIX indisponível', '', '## Resumo', '', 'O PIX ficou fora do ar para os clientes.', '',
      '## Linha do tempo', '', '- 05/12/2026 às 14:05 – Alerta disparado', '- 14:20 – Rollback iniciado', '', '## Ações', '', '- [ ] Adicionar canário @ana'));
    assert.deepEqual(entries(r.text), ['- 2026-12-05 14:05Z Alerta disparado', '- 2026-12-05 14:20Z Rollback iniciado']);
    assert.deepEqual(ambiguous(r), [[8, 'warning', '"05/12/2026" could be day/month or month/day; read as day first (2026-12-05), because the text is Portuguese, and no date in the document settles the order (none has a day over 12); every such date was read day first: check one']]);
    assert.match(r.text, /^Conversion: dates such as 05\/12\/2026 \(line 9 of the original\) were read day first \(2026-12-05\) because the text is Portuguese; no date in the original settles the order: check one\.$/m);
    assert.equal(r.report.complete, false);
  });

  it('a UK review in English, "All times GMT/BST": day first, because of its zone, said', () => {
    const r = convertPostmortem(lines('# Payments gateway outage', '', 'All times GMT/BST.', '', '## Timeline', '', '- 05/12/2026 14:05 Alert fired', '- 14:20 Rollback'));
    assert.deepEqual(entries(r.text), ['- 2026-12-05 14:05Z Alert fired', '- 2026-12-05 14:20Z Rollback']);
    assert.match(String(ambiguous(r)[0]?.[2]), /read as day first \(2026-12-05\), because the document's zone is Europe\/London,/);
  });

  it('a US review in English: month first with the warning it always had', () => {
    const r = convertPostmortem(lines('# Payments gateway outage', '', 'All times in Pacific time.', '', '## Timeline', '', '- 05/12/2026 14:05 Alert fired'));
    assert.deepEqual(entries(r.text), ['- 2026-05-12 21:05Z Alert fired']);
    assert.deepEqual(ambiguous(r).map((a) => a[2]), ['"05/12/2026 14:05" could be day/month or month/day; read as month first (2026-5-12), as US English writes dates: neither the text\'s language nor its zone tells the order, and no date in the document settles it (none has a day over 12) — check one']);
    assert.doesNotMatch(r.text, /^Conversion: dates such as/m);
  });

  it('a date with a day over 12 settles it: the Portuguese review\'s due date 20/12/2026, nothing to say', () => {
    const r = convertPostmortem(lines('# Pós-incidente: PIX indisponível', '', '## Resumo', '', 'O PIX ficou fora do ar para os clientes.', '',
      '## Linha do tempo', '', '- 05/12/2026 às 14:05 – Alerta disparado', '', '## Ações', '', '- [ ] Adicionar canário @ana prazo: 20/12/2026'));
    assert.deepEqual(entries(r.text), ['- 2026-12-05 14:05Z Alerta disparado']);
    assert.deepEqual(ambiguous(r), []);
  });

  it('a US review in Portuguese words still reads as its text: the reason names the language, so a reader can tell', () => {
    const r = convertPostmortem(lines('# Pós-incidente', '', 'Todos os horários em PST. O serviço ficou fora do ar.', '', '## Linha do tempo', '', '- 05/12/2026 14:05 Alerta'));
    assert.match(String(ambiguous(r)[0]?.[2]), /read as day first \(2026-12-05\), because the text is Portuguese/);
  });

  describe('English reviews from a European zone (trial 15a, item 3 of conv16)', () => {
    it('the original\'s own `timezone: Europe/Berlin`: day first, said in the report and the file', () => {
      const r = convertPostmortem(lines('---', 'title: Outage', 'timezone: Europe/Berlin', '---', '', '# Outage', '', 'The API was down for the customers and we found the cause.', '', '## Timeline', '', '- 05/12/2026 14:05 Alert fired', '- 14:20 Rollback'));
      assert.deepEqual(entries(r.text), ['- 2026-12-05 13:05Z Alert fired', '- 2026-12-05 13:20Z Rollback']);
      assert.match(String(ambiguous(r)[0]?.[2]), /read as day first \(2026-12-05\), because the document's zone is Europe\/Berlin,/);
      assert.match(r.text, /^Conversion: dates such as 05\/12\/2026 \(line 12 of the original\) were read day first/m);
    });

    it('"## Timeline (Europe/Paris)": the zone\'s own name in the heading is the document\'s zone, so 05/12/26 is read day first, said', () => {
      const r = convertPostmortem(lines('# Outage', '', '## Timeline (Europe/Paris)', '', '- 05/12/26 14:05 Alert fired'));
      assert.equal(r.report.zone.zone, 'Europe/Paris');
      assert.deepEqual(entries(r.text), ['- 2026-12-05 13:05Z Alert fired']);
      assert.match(String(ambiguous(r)[0]?.[2]), /read as day first \(2026-12-05\), because the document's zone is Europe\/Paris,/);
    });

    it('a zone given for the conversion (--zone Europe/London) is said as that, not as the document\'s zone', () => {
      const r = convertPostmortem(lines('# Outage', '', 'The API was down for the customers and we found the cause.', '', '## Timeline', '', '- 05/12/2026 14:05 Alert fired'), { defaultZone: 'Europe/London' });
      assert.deepEqual(entries(r.text), ['- 2026-12-05 14:05Z Alert fired']);
      assert.match(String(ambiguous(r)[0]?.[2]), /read as day first \(2026-12-05\), because the zone given for this conversion \(the original states none\) is Europe\/London,/);
    });

    it('"All times GMT" (UTC, no country): month first, and the warning says why', () => {
      const r = convertPostmortem(lines('# Outage', '', 'All times GMT. The API was down for the customers.', '', '## Timeline', '', '- 05/12/2026 14:05 Alert fired'));
      assert.deepEqual(entries(r.text), ['- 2026-05-12 14:05Z Alert fired']);
      assert.match(String(ambiguous(r)[0]?.[2]), /read as month first \(2026-5-12\), as US English writes dates: neither the text's language nor its zone tells the order/);
      assert.equal(r.report.complete, false);
    });
  });
});
