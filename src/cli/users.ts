import type { Command } from 'commander';
import { systemClock, nowOf } from '../clock.ts';
import { readCliConfig, readConfig } from '../config.ts';
import { migrateToLatest, openDatabase, type Database } from '../db/database.ts';
import { accountUnit, recordAudit } from '../audit/audit.service.ts';
import { compareVietnameseNames } from '../text/index.ts';
import * as accounts from '../units/accounts.repository.ts';
import {
  checkNewPassword,
  createAccountAsOperator,
  normalizeUsername,
} from '../units/accounts.service.ts';
import { hashPassword } from '../units/passwords.ts';
import { ROLES, type OperatorCtx, type Role } from '../units/roles.ts';
import { deleteSessionsOf } from '../units/sessions.repository.ts';

async function withDb<T>(fn: (db: Database) => Promise<T>): Promise<T> {
  const db = openDatabase(readConfig());
  try {
    await migrateToLatest(db);
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/**
 * The CLI acts as the operator at the server's console, recorded as such in the audit log, on
 * the system clock.
 */
const OPERATOR: OperatorCtx = { actor: null, requestId: 'cli', now: systemClock };

function parseRole(spec: string): { unitId: number; role: Role } {
  const [role, unit] = spec.split('@');
  if (!ROLES.includes(role as Role) || !unit || !/^\d+$/.test(unit)) {
    throw new Error(`role "${spec}" must look like ROLE@UNIT_ID, ROLE one of ${ROLES.join(', ')}`);
  }
  return { role: role as Role, unitId: Number(unit) };
}

export function userCommands(program: Command): void {
  const user = program.command('user').description('manage accounts from the server console');

  user
    .command('add')
    .description('create an account (the password is read from GIAOBAN_PASSWORD or --password)')
    .argument('<username>')
    .requiredOption('--name <fullName>', 'full name, e.g. "Nguyễn Văn An"')
    .option(
      '--password <password>',
      'initial password (prefer GIAOBAN_PASSWORD in the environment)',
    )
    .option('--position <position>', 'position (chức vụ)')
    .option('--role <ROLE@UNIT_ID...>', 'roles to grant, e.g. admin@1 reporter@9', [])
    .action(
      async (
        rawUsername: string,
        opts: { name: string; password?: string; position?: string; role: string[] },
      ) => {
        const password = opts.password ?? readCliConfig().password;
        if (!password) throw new Error('give a password with --password or GIAOBAN_PASSWORD');
        checkNewPassword(password, 'password');
        const username = normalizeUsername(rawUsername);
        const roles = opts.role.map(parseRole);
        await withDb(async (db) => {
          await db.transaction().execute((trx) =>
            createAccountAsOperator(trx, OPERATOR, {
              username,
              password,
              fullName: opts.name.normalize('NFC'),
              ...(opts.position && { position: opts.position.normalize('NFC') }),
              roles,
            }),
          );
          console.log(`Created account ${username}.`);
        });
      },
    );

  user
    .command('passwd')
    .description('set a new password (from GIAOBAN_PASSWORD or --password); ends its sessions')
    .argument('<username>')
    .option('--password <password>', 'the new password')
    .action(async (rawUsername: string, opts: { password?: string }) => {
      const password = opts.password ?? readCliConfig().password;
      if (!password) throw new Error('give a password with --password or GIAOBAN_PASSWORD');
      checkNewPassword(password, 'password');
      await withDb(async (db) => {
        const account = await accounts.findAccountByUsername(db, normalizeUsername(rawUsername));
        if (!account) throw new Error(`no account "${rawUsername}"`);
        const hash = await hashPassword(password);
        const roles = (await accounts.rolesByAccount(db, [account.id])).get(account.id) ?? [];
        await db.transaction().execute(async (trx) => {
          await accounts.touchAccount(trx, account.id, {
            password_hash: hash,
            failed_logins: 0,
            locked_until: null,
            updated_at: nowOf(OPERATOR),
          });
          await deleteSessionsOf(trx, account.id);
          await recordAudit(trx, OPERATOR, {
            action: 'password_reset',
            unitId: accountUnit(roles),
            entityType: 'account',
            entityId: account.id,
            summary: `${account.full_name} (${account.username})`,
          });
        });
        console.log(`Password of ${account.username} changed.`);
      });
    });

  user
    .command('list')
    .description('list accounts with their roles')
    .action(async () => {
      await withDb(async (db) => {
        const rows = await accounts.listAccounts(db);
        const roles = await accounts.rolesByAccount(db);
        rows.sort((a, b) => compareVietnameseNames(a.full_name, b.full_name));
        for (const row of rows) {
          const grants = (roles.get(row.id) ?? []).map((r) => `${r.role}@${r.unitId}`).join(' ');
          const state = row.active === 1 ? '' : ' (inactive)';
          console.log(`${row.username.padEnd(16)} ${row.full_name.padEnd(24)} ${grants}${state}`);
        }
      });
    });
}
