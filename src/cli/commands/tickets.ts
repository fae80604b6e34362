import { usageError } from '../args';
import { EXIT_OK, EXIT_USAGE, type CliCommand } from '../io';

export const TICKETS_HELP = `Usage: postmortem tickets <create|status> [options]

Turns action items into tickets in the team's tracker and follows their state. The tracker is set
in .postmortemrc.json, e.g. "tracker": { "type": "github", "repository": "acme/shop", "labels":
["postmortem"] } with "owners": { "dana": { "github": "dana-l" } } (types: github, gitlab, jira).

  postmortem tickets create FILE [--dry-run]
      Creates a ticket for each open item of FILE without one, then writes each ticket's address
      (or Jira key) into its item. --dry-run shows what would be created and sends nothing.
  postmortem tickets status [paths or globs…] [--format text|json]
      Reads the states of the items' tickets. Exit 1 when an open item's ticket is closed or a done
      item's ticket is open (for CI).

Tokens come from the environment: GITHUB_TOKEN, GITLAB_TOKEN, or JIRA_EMAIL and JIRA_API_TOKEN. API
addresses follow each platform: GITHUB_API_URL (default https://api.github.com), CI_API_V4_URL
(default https://gitlab.com/api/v4), the Jira site from the configuration. Nothing is sent anywhere
except by these two commands.
`;

const SUBCOMMANDS: Readonly<Record<string, () => Promise<{ default: CliCommand }>>> = {
  create: () => import('./ticketsCreate'),
  status: () => import('./ticketsStatus'),
};

const tickets: CliCommand = async (argv, io) => {
  const [sub, ...rest] = argv;
  if (sub === undefined || sub === '--help' || sub === '-h') {
    io.out(TICKETS_HELP);
    return sub === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const load = Object.hasOwn(SUBCOMMANDS, sub) ? SUBCOMMANDS[sub] : undefined;
  if (!load) {
    throw usageError('tickets', `Unknown subcommand "${sub}": expected create or status`);
  }
  return (await load()).default(rest, io);
};

export default tickets;
