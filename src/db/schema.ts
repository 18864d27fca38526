import type { Generated, Insertable, Kysely, Selectable, Transaction, Updateable } from 'kysely';
import type { NotificationTables } from '../notifications/notifications.tables.ts';
import type { MeetingTables } from '../meetings/meetings.tables.ts';
import type { SummaryTables } from '../meetings/summary.tables.ts';
import type { PortalTables } from '../portal/portal.tables.ts';
import type { ReportTables } from '../reports/reports.tables.ts';
import type { TaskTables } from '../tasks/tasks.tables.ts';

/**
 * Table types. Timestamps are ISO-8601 UTC strings and flags are 0/1 integers on both engines,
 * so one set of queries reads the same values from SQLite and PostgreSQL.
 */
export interface DB
  extends
    CoreTables,
    NotificationTables,
    ReportTables,
    PortalTables,
    MeetingTables,
    SummaryTables,
    TaskTables {}

/** What repository and service functions take first: the database or an open transaction. */
export type Db = Kysely<DB> | Transaction<DB>;

/** Units, accounts, sessions, the audit log and job leases. Each feature declares its own tables. */
export interface CoreTables {
  units: UnitTable;
  accounts: AccountTable;
  account_roles: AccountRoleTable;
  sessions: SessionTable;
  audit_log: AuditLogTable;
  job_leases: JobLeaseTable;
  search_entries: SearchEntryTable;
}

export interface UnitTable {
  id: Generated<number>;
  parent_id: number | null;
  kind: string;
  name: string;
  name_folded: string;
  short_name: string | null;
  sort_order: number;
  active: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AccountTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  full_name: string;
  full_name_folded: string;
  position: string | null;
  active: number;
  failed_logins: Generated<number>;
  locked_until: string | null;
  last_login_at: string | null;
  /** Where e-mail goes (null: none), whether the person receives it, and its language. */
  email: Generated<string | null>;
  email_opt_in: Generated<number>;
  language: Generated<string>;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface AccountRoleTable {
  account_id: number;
  unit_id: number;
  role: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a leaked database does not leak live sessions. */
  id: string;
  account_id: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  summary: string;
  summary_folded: string;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  /** The unit the entry is about (its subtree's admins read it); null: committee-wide. */
  unit_id: number | null;
}

export interface JobLeaseTable {
  name: string;
  holder: string;
  expires_at: string;
}

export type UnitRow = Selectable<UnitTable>;
export type NewUnitRow = Insertable<UnitTable>;
export type UnitUpdate = Updateable<UnitTable>;
export type AccountRow = Selectable<AccountTable>;
export type AuditRow = Selectable<AuditLogTable>;

/** The workspace's search index (src/db/search-index.ts). */
export interface SearchEntryTable {
  id: Generated<number>;
  kind: string;
  subject_id: number;
  parent_id: number | null;
  unit_id: number | null;
  title: string;
  title_folded: string;
  body: string;
  body_folded: string;
  at: string;
  updated_at: string;
}
