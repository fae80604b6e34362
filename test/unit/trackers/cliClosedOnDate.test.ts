import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { buildOnce, repoRoot, workspace } from '../cli/harness';
import { GitHubStandIn } from '../../trackers/githubStandIn';
import { JiraStandIn } from '../../trackers/jiraStandIn';

/** The built CLI as a user runs it, in `zone` (spawned, not waited for synchronously: the stand-in answers from this process). */
function runCli(cwd: string, env: Record<string, string>, ...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(repoRoot, 'dist', 'cli.js'), ...args], { cwd, env: { PATH: process.env.PATH ?? '', NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const postmortem = (ticket: string) => `---
id: INC-2026-030
title: Queue backlog
status: published
---
# Queue backlog

## Action items

- [ ] Alert on queue depth @dana due:2026-12-06 ${ticket}
`;

/** The writers of trial13a: a ticket closed at 2026-12-06T23:30Z was closed on the 7th in Chatham and Kolkata, on the 6th in Los Angeles. */
const WRITERS = [['Pacific/Chatham', '2026-12-07'], ['Asia/Kolkata', '2026-12-07'], ['America/Los_Angeles', '2026-12-06']] as const;

// trial13a F5: `tickets status` proposed GitHub's UTC date and Jira's offset date as `done:`, never the writer's.
describe('postmortem tickets status: the proposed done: date is the writer\'s day of closing', function () {
  this.timeout(120_000);
  before(buildOnce);

  it('GitHub (closed_at in UTC): the day in TZ, for writers east and west of UTC', async () => {
    const server = await new GitHubStandIn().start();
    const issue = server.issues[server.issues.push({ number: 1, title: 'queue', body: '', labels: [], assignees: [], state: 'closed', closedAt: '2026-12-06T23:30:00Z', createdAt: '2026-12-01T10:00:00Z' }) - 1]!;
    const ws = workspace({ '.postmortemrc.json': JSON.stringify({ tracker: { type: 'github', repository: 'acme/shop' } }), 'postmortems/queue.md': postmortem(`#${issue.number}`) });
    try {
      for (const [zone, day] of WRITERS) {
        const r = await runCli(ws.dir, { TZ: zone, GITHUB_TOKEN: server.token, GITHUB_API_URL: server.url }, 'tickets', 'status', 'postmortems');
        assert.equal(r.code, 1, r.stdout + r.stderr);
        assert.match(r.stdout, new RegExp(`queue\\.md:10 .*ticket closed ${day}, item open: mark it done \\(done:${day}\\)`), `${zone}: ${r.stdout}`);
      }
      const json = await runCli(ws.dir, { TZ: 'Asia/Kolkata', GITHUB_TOKEN: server.token, GITHUB_API_URL: server.url }, 'tickets', 'status', 'postmortems', '--format', 'json');
      const rows = JSON.parse(json.stdout) as { closedAt: string | null; closedOn: string | null }[];
      assert.deepEqual(rows.map((x) => [x.closedAt, x.closedOn]), [['2026-12-06T23:30:00Z', '2026-12-07']], 'the tracker\'s time and the writer\'s day');
    } finally {
      ws.cleanup();
      await server.stop();
    }
    assert.deepEqual(server.violations, []);
  });

  it('Jira (resolutiondate with the site\'s offset, +1300): the same instant gives the same days, not the offset\'s date', async () => {
    const server = await new JiraStandIn().start();
    const issue = server.add('queue', true);
    issue.resolutiondate = '2026-12-07T12:30:00.000+1300';
    const ws = workspace({ '.postmortemrc.json': JSON.stringify({ tracker: { type: 'jira', site: server.url, project: 'OPS' } }), 'postmortems/queue.md': postmortem(issue.key) });
    try {
      for (const [zone, day] of WRITERS) {
        const r = await runCli(ws.dir, { TZ: zone, JIRA_EMAIL: server.email, JIRA_API_TOKEN: server.token }, 'tickets', 'status', 'postmortems');
        assert.equal(r.code, 1, r.stdout + r.stderr);
        assert.match(r.stdout, new RegExp(`queue\\.md:10 .*ticket closed ${day}, item open: mark it done \\(done:${day}\\)`), `${zone}: ${r.stdout}`);
      }
    } finally {
      ws.cleanup();
      await server.stop();
    }
    assert.deepEqual(server.violations, []);
  });
});
