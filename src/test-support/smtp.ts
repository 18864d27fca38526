import { simpleParser, type ParsedMail } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** What the test SMTP server received: the raw message, parsed, and the envelope. */
export interface Received {
  raw: string;
  mail: ParsedMail;
  envelopeTo: string[];
}

export interface TestSmtpServer {
  port: number;
  received: Received[];
  /** From now on answer every recipient with this temporary refusal (null: accept again). */
  refuse(answer: { code: number; message: string } | null): void;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 and a free port (smtp-server), reading each message with
 * mailparser before it answers 250: once the sender has its answer, the message is in `received`.
 */
export async function startSmtpServer(): Promise<TestSmtpServer> {
  const received: Received[] = [];
  let refusal: { code: number; message: string } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (!refusal) return callback();
      const error = Object.assign(new Error(refusal.message), { responseCode: refusal.code });
      callback(error);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((mail) => {
            received.push({
              raw,
              mail,
              envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            });
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    received,
    refuse: (answer) => (refusal = answer),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
