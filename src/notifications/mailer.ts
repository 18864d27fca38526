import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { SmtpConfig } from './mail.config.ts';

/** One message as the sender hands it to the transport. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Stable per outbox row: a receiving server that sees it twice can tell. */
  messageId: string;
}

/** What sends e-mail: SMTP through nodemailer in the app, anything alike in a test. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  /** Connects and signs in without sending; throws what went wrong. */
  verify(): Promise<void>;
  close(): void;
}

/** The SMTP transport of SMTP_*: short timeouts, so a server that hangs costs one try, not a job. */
export function smtpTransport(smtp: SmtpConfig): MailTransport {
  const options: SMTPTransport.Options = {
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    ...(smtp.user && { auth: { user: smtp.user, pass: smtp.password ?? '' } }),
  };
  const transporter = nodemailer.createTransport(options);
  return {
    async send(mail) {
      await transporter.sendMail({
        from: smtp.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
      });
    },
    async verify() {
      await transporter.verify();
    },
    close: () => transporter.close(),
  };
}

/** A transport failure in words for the admin: the server's answer, or why it could not connect. */
export function describeMailError(error: unknown): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const e = error as {
    code?: unknown;
    responseCode?: unknown;
    response?: unknown;
    message?: unknown;
  };
  const parts = [
    typeof e.code === 'string' ? e.code : null,
    typeof e.responseCode === 'number' ? String(e.responseCode) : null,
    typeof e.response === 'string' ? e.response : typeof e.message === 'string' ? e.message : null,
  ].filter((p): p is string => p !== null && p !== '');
  return parts.join(' ').slice(0, 1000) || 'unknown error';
}
