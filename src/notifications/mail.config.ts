/** The SMTP server e-mail goes through (SMTP_*); e-mail is off when SMTP_HOST is unset. */
export interface SmtpConfig {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); false: plain, upgraded with STARTTLS when offered. */
  secure: boolean;
  user: string | null;
  password: string | null;
  /** The sender, e.g. `Giao Ban <giaoban@tuson.gov.vn>`. */
  from: string;
}

/** Notifications and e-mail: the SMTP server, the sender job and the reminder jobs. */
export interface MailConfig {
  smtp: SmtpConfig | null;
  /** How often the sender job looks for e-mail to send (MAIL_SEND_MS). */
  sendEveryMs: number;
  /** Tries before an e-mail is given up as failed, its error kept for the admin (MAIL_MAX_ATTEMPTS). */
  maxAttempts: number;
  /** The wait after the first failed try, doubled after each next one, at most 6 hours (MAIL_RETRY_MS). */
  retryBaseMs: number;
  /** How often the reminder jobs look for deadlines (REMINDER_CHECK_MS). */
  reminderEveryMs: number;
  /** How many days before a report's deadline its units are reminded (REPORT_REMINDER_DAYS). */
  reportReminderDays: number;
  /** Where links in e-mail point: PUBLIC_BASE_URL; without it e-mail carries no link. */
  publicBaseUrl: string | null;
}
