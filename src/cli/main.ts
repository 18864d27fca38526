import { Command, InvalidArgumentError } from 'commander';
import { readConfig } from '../config.ts';
import { migrateToLatest, openDatabase } from '../db/database.ts';
import { renderAppError } from '../http/error-handler.ts';
import { AppError } from '../http/errors.ts';
import { backupCommand } from './backup.ts';
import { importArticlesCommand } from './import-articles.ts';
import { userCommands } from './users.ts';

/** The `giaoban` command line. Every subcommand reads the same environment as the server. */
export function buildCli(): Command {
  const program = new Command('giaoban')
    .description('Giao Ban: quarterly briefings, from unit reports to the portal article.')
    .showHelpAfterError();

  program
    .command('serve')
    .description('migrate, load the demo into an empty database (unless GIAOBAN_DEMO=0), and serve')
    .action(async () => {
      const { startServer } = await import('../server.ts');
      await startServer(readConfig());
    });

  program
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const db = openDatabase(readConfig());
      try {
        const result = await migrateToLatest(db);
        const applied = result.results?.filter((r) => r.status === 'Success') ?? [];
        console.log(
          applied.length
            ? applied.map((r) => `applied ${r.migrationName}`).join('\n')
            : 'Database is up to date.',
        );
      } finally {
        await db.destroy();
      }
    });

  program
    .command('demo')
    .description('load the Từ Sơn demo data into an empty database')
    .action(async () => {
      const { loadDemo, DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_UNIT_STAFF } =
        await import('../demo/demo.ts');
      const { demoClock } = await import('../demo/demo-clock.ts');
      const db = openDatabase(readConfig());
      try {
        await migrateToLatest(db);
        if (await loadDemo(db, demoClock(new Date().toISOString()))) {
          console.log(
            `Demo loaded. Accounts (password "${DEMO_PASSWORD}"): ${DEMO_ACCOUNTS.map((a) => a.username).join(', ')}, and a head and a reporter of every reporting unit (${DEMO_UNIT_STAFF.length} more, see "giaoban user list")`,
          );
        } else {
          console.log('The database already has units: demo not loaded, nothing changed.');
        }
      } finally {
        await db.destroy();
      }
    });

  userCommands(program);
  backupCommand(program);
  importArticlesCommand(program);
  return program;
}

export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a positive integer');
  return n;
}

/** Runs the CLI; errors print one clear line and exit 1. */
export async function runCli(argv: string[] = process.argv): Promise<void> {
  try {
    await buildCli().parseAsync(argv);
  } catch (error) {
    console.error(`giaoban: ${describeError(error)}`);
    process.exitCode = 1;
  }
}

function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const { message, fields } = renderAppError(error, 'en').error;
    const details = Object.entries(fields ?? {}).map(([field, text]) => `${field}: ${text}`);
    return [message, ...details].join(' ');
  }
  return error instanceof Error ? error.message : String(error);
}

if (import.meta.url === `file://${process.argv[1]}`) await runCli();
