import { EventEmitter } from 'node:events';
import type { Worker } from 'node:cluster';
import { describe, expect, it } from 'vitest';
import { ClusterBus, relayLiveMessages } from '../../src/live/cluster-bus.ts';

/*
 * SQLite served by worker processes: a worker's topic goes through the primary to every
 * worker. The IPC channels are stand-ins here (a worker's `process`, the primary's `Worker`),
 * wired as node:cluster wires them.
 */

class FakeWorkerProcess extends EventEmitter {
  connected = true;
  worker!: FakeWorker;
  send(message: unknown, _handle: unknown, _options: unknown, done: (e: Error | null) => void) {
    if (!this.connected) {
      done(new Error('channel closed'));
      return false;
    }
    setImmediate(() => this.worker.emit('message', message));
    done(null);
    return true;
  }
}

class FakeWorker extends EventEmitter {
  constructor(readonly child: FakeWorkerProcess) {
    super();
    child.worker = this;
  }
  isConnected() {
    return this.child.connected;
  }
  send(message: unknown, _handle: unknown, done: () => void) {
    setImmediate(() => this.child.emit('message', message));
    done();
    return true;
  }
}

function heard(bus: ClusterBus, topic: string): Promise<string> {
  return new Promise((resolve) => {
    const stop = bus.subscribe(topic, (t) => {
      stop();
      resolve(t);
    });
  });
}

describe('live bus between worker processes [sqlite]', () => {
  it("hands a worker's topic to every worker, the publisher included", async () => {
    const children = [new FakeWorkerProcess(), new FakeWorkerProcess()];
    const workers = children.map((c) => new FakeWorker(c));
    for (const w of workers) relayLiveMessages(w as unknown as Worker, () => workers as never);
    const [one, two] = children.map((c) => new ClusterBus(c as unknown as NodeJS.Process)) as [
      ClusterBus,
      ClusterBus,
    ];
    const onTwo = heard(two, 'meeting:5');
    const onOne = heard(one, 'meeting:5');
    await one.publish('meeting:5');
    expect(await onTwo).toBe('meeting:5');
    expect(await onOne).toBe('meeting:5');
    await one.close();
    await two.close();
  });

  it('tells its own subscribers when the primary is gone', async () => {
    const child = new FakeWorkerProcess();
    new FakeWorker(child);
    child.connected = false;
    const bus = new ClusterBus(child as unknown as NodeJS.Process);
    const own = heard(bus, 'meeting:6');
    await bus.publish('meeting:6');
    expect(await own).toBe('meeting:6');
    await bus.close();
  });
});
