/**
 * A post-mortem's file name and id travel where the title's redaction never reaches (git history,
 * links, every ticket body): `postmortem new "Outage reported by jane.doe@acme.com"` named the file
 * `…-jane-doe-acme-com.md`, and `tickets create` sent a hand-named `…jane.doe@acme.com-outage.md`
 * path unredacted in every ticket (trial15a F9).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import newCommand from '../../../src/cli/commands/new';
import type { CliIo } from '../../../src/cli/io';
import { readSummary } from '../../../src/core/api';
import { defaultIdFor, fileNameFor } from '../../../src/core/template/newPostmortem';
import { planTickets, type TrackerConfig } from '../../../src/core/trackers';

const DAY = new Date('2026-12-07T09:00:00Z');
const TOKEN = `ghp_${'Lq7W'.repeat(9)}`;

describe('names carry no personal data or secrets (trial15a F9)', () => {
  it('new file names and ids leave out e-mail addresses, tokens and IPs, and keep the other words', () => {
    assert.equal(fileNameFor('Outage reported by jane.doe@acme.com', DAY), '2026-12-07-outage-reported-by.md');
    assert.equal(defaultIdFor('Outage reported by jane.doe@acme.com', DAY), 'PM-20261207-outage-reported-by');
    assert.equal(fileNameFor(`Leaked ${TOKEN} in CI logs`, DAY), '2026-12-07-leaked-in-ci-logs.md');
    assert.equal(fileNameFor('DB down on 10.2.3.4', DAY), '2026-12-07-db-down-on.md');
    assert.equal(fileNameFor('dana@acme.com', DAY), '2026-12-07-incident.md');
    assert.equal(fileNameFor('Checkout 5xx after pool change', DAY), '2026-12-07-checkout-5xx-after-pool-change.md');
  });

  describe('postmortem new', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'pm-new-pii-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    async function run(...argv: string[]) {
      let out = '';
      let err = '';
      const io: CliIo = { out: (t) => (out += t), err: (t) => (err += t), cwd: dir, now: () => DAY };
      return { code: await newCommand(argv, io), out, err };
    }

    it('says what it left out of the name; the title keeps it for lint to report', async () => {
      const r = await run('Outage reported by jane.doe@acme.com', '--zone', 'UTC');
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, 'postmortems/2026-12-07-outage-reported-by.md\n');
      assert.match(r.err, /^postmortem new: note: left an e-mail address out of the file name and id \(names are copied into git history, links and tickets\); the title still has it: `postmortem lint` reports it as redaction\/\*$/m);
      assert.deepEqual(readdirSync(join(dir, 'postmortems')), ['2026-12-07-outage-reported-by.md']);
      const text = readFileSync(join(dir, 'postmortems', '2026-12-07-outage-reported-by.md'), 'utf8');
      assert.match(text, /^id: PM-20261207-outage-reported-by$/m);
      assert.match(text, /jane\.doe@acme\.com/);
    });

    it('a title without such values gets no note', async () => {
      const r = await run('Checkout 5xx', '--zone', 'UTC');
      assert.equal(r.code, 0);
      assert.doesNotMatch(r.err, /left .* out of the file name/);
    });
  });

  it('tickets send the post-mortem path with an address in its file name redacted, and count it as held back', () => {
    const summary = readSummary('---\nid: PM-1\ntitle: Outage\nstatus: published\n---\n# Outage\n\n## Action items\n\n- [ ] Add an alert\n');
    const config: TrackerConfig = { type: 'github', fields: { repository: 'acme/shop' }, labels: [] };
    const [plan] = planTickets(summary, { path: 'postmortems/2026-12-01-jane.doe@acme.com-outage.md' }, config, {});
    assert.ok(plan);
    assert.doesNotMatch(plan.draft.body, /jane|acme\.com/, plan.draft.body);
    assert.match(plan.draft.body, /`postmortems\/\[redacted: email\]-outage\.md:10`/);
    assert.deepEqual(plan.heldBack, { count: 1, labels: ['email'], secret: false });
    // A file name that only looks like one (a locale, `ca@valencia.po`) is left as it is.
    const [plain] = planTickets(summary, { path: 'docs/ca@valencia.po' }, config, {});
    assert.match(plain!.draft.body, /`docs\/ca@valencia\.po:10`/);
  });
});
