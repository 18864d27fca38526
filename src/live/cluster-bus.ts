import type { Worker } from 'node:cluster';
import { LocalSubscribers, type LiveBus, type LiveListener } from './bus.ts';

/*
 * The live bus of SQLite served by worker processes (GIAOBAN_WORKERS > 1): the workers share
 * one database file but no PostgreSQL to notify through, so a worker sends its topic to the
 * primary process, which hands it to every worker (itself included), like a NOTIFY.
 */

interface LiveMessage {
  giaoban: 'live';
  topic: string;
}

function isLiveMessage(message: unknown): message is LiveMessage {
  return (
    typeof message === 'object' &&
    message !== null &&
    (message as LiveMessage).giaoban === 'live' &&
    typeof (message as LiveMessage).topic === 'string'
  );
}

/** In a worker: publishes through the primary, hears what any worker published. */
export class ClusterBus implements LiveBus {
  private readonly subscribers = new LocalSubscribers();
  private readonly onMessage = (message: unknown) => {
    if (isLiveMessage(message)) this.subscribers.emit(message.topic);
  };

  constructor(private readonly channel: NodeJS.Process = process) {
    channel.on('message', this.onMessage);
  }

  publish(topic: string): Promise<void> {
    const message: LiveMessage = { giaoban: 'live', topic };
    return new Promise((resolve) => {
      // Without the primary (it is gone), at least this worker's own subscribers hear it.
      if (!this.channel.send || !this.channel.connected) {
        queueMicrotask(() => this.subscribers.emit(topic));
        resolve();
        return;
      }
      this.channel.send(message, undefined, undefined, (error: Error | null) => {
        if (error) this.subscribers.emit(topic);
        resolve();
      });
    });
  }

  subscribe(topic: string, listener: LiveListener): () => void {
    return this.subscribers.add(topic, listener);
  }

  close(): Promise<void> {
    this.channel.off('message', this.onMessage);
    return Promise.resolve();
  }
}

/** In the primary: a worker's live message goes on to every worker. */
export function relayLiveMessages(from: Worker, workers: () => Iterable<Worker>): void {
  from.on('message', (message: unknown) => {
    if (!isLiveMessage(message)) return;
    for (const worker of workers()) {
      if (worker.isConnected()) worker.send(message, undefined, () => {});
    }
  });
}
