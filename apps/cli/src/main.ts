#!/usr/bin/env node
import 'reflect-metadata';

/**
 * `lantern` command line. Thin: each command calls the same libs as the API and
 * the worker. Commands live in ./commands/<name>.command.ts and export
 * `run(args: string[]): Promise<number>` (the exit code).
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> }> = {
  migrate: { summary: 'apply pending database migrations', load: () => import('./commands/migrate.command.js') },
  demo: { summary: 'run the end-to-end demo (--serve keeps the API and worker running)', load: () => import('./commands/demo.command.js') },
  reference: { summary: 'load reference datasets (TIP tiers, USDOL goods lists) and illustrative exchange rates', load: () => import('./commands/reference.command.js') },
  org: { summary: 'create or list organisations: lantern org create --name N --kind K --jurisdiction CC', load: () => import('./commands/org.command.js') },
  key: { summary: 'issue an API key: lantern key create --org ORG --role ROLE', load: () => import('./commands/org.command.js').then((m) => ({ run: m.runKey })) },
  import: { summary: 'import a CSV or NDJSON file: lantern import FILE --kind interviews', load: () => import('./commands/import.command.js') },
  lists: { summary: 'platform-wide exclusion lists: lantern lists ls | create --name N --format F ... | load LIST FILE', load: () => import('./commands/lists.command.js') },
  reencrypt: { summary: 're-encrypt testimony and stored uploads under the current key (after a key rotation): lantern reencrypt [--dry-run]', load: () => import('./commands/reencrypt.command.js') },
  rescore: { summary: 'queue a full risk re-score and follow it: lantern rescore [--org ORG_ID]', load: () => import('./commands/rescore.command.js') },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: lantern <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`lantern: unknown command '${name}'\n\n${usage()}`);
    return 2;
  }
  const mod = await command.load();
  return mod.run(rest);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`lantern: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);
