/**
 * Live events between the app's instances: a feature publishes "topic changed" after a state
 * change has been committed, and every instance's subscribers of that topic hear it and push the
 * new state to their browsers (server-sent events). The event carries no state of its own: a
 * listener reads the state it needs from the database, so an event heard twice or late shows the
 * same thing as one heard once.
 *
 * SQLite runs one instance, so its bus stays in the process. PostgreSQL's bus
 * (`postgres-bus.ts`) carries topics between instances with LISTEN/NOTIFY.
 */
export type LiveListener = (topic: string) => void;

export interface LiveBus {
  /** Tells every instance's subscribers of `topic` that it changed. Call after the commit. */
  publish(topic: string): Promise<void>;
  /** Calls `listener` on every change of `topic` until the returned function is called. */
  subscribe(topic: string, listener: LiveListener): () => void;
  close(): Promise<void>;
}

/** Topic names in one place, so a publisher and its subscribers cannot spell them apart. */
export const liveTopic = {
  meeting: (meetingId: number) => `meeting:${meetingId}`,
};

/** Subscribers in this process: the whole bus on SQLite, the local half of PostgreSQL's. */
export class LocalSubscribers {
  private readonly byTopic = new Map<string, Set<LiveListener>>();

  add(topic: string, listener: LiveListener): () => void {
    let set = this.byTopic.get(topic);
    if (!set) this.byTopic.set(topic, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.byTopic.delete(topic);
    };
  }

  emit(topic: string): void {
    for (const listener of [...(this.byTopic.get(topic) ?? [])]) listener(topic);
  }

  get topics(): string[] {
    return [...this.byTopic.keys()];
  }
}

export class InProcessBus implements LiveBus {
  private readonly subscribers = new LocalSubscribers();

  publish(topic: string): Promise<void> {
    // After the caller's own work, as a notification from the database would arrive.
    queueMicrotask(() => this.subscribers.emit(topic));
    return Promise.resolve();
  }

  subscribe(topic: string, listener: LiveListener): () => void {
    return this.subscribers.add(topic, listener);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
