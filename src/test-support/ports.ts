import net from 'node:net';

/** A TCP port free on the loopback address right now, for a server a test or benchmark starts. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const a = srv.address();
      srv.close(() =>
        a && typeof a !== 'string' ? resolve(a.port) : reject(new Error('no port')),
      );
    });
  });
}
