import { EventEmitter, on } from 'node:events';

/** A change to a case that open queue views should reflect at once. */
export interface CaseChange {
  /** 0 for a change that concerns no case: a note on a subject. */
  caseId: number;
  action: string;
  status: string;
  assigneeId: number | null;
  version: number;
  at: string;
  /** Staff a note in this change mentions: their inbox (the bell) refreshes. */
  mentioned?: number[];
}

/**
 * Carries changes between server instances. Absent (one instance, or SQLite): changes go
 * straight to this instance's listeners. With PostgreSQL it is LISTEN/NOTIFY, and every
 * instance, this one included, hears each change once from the database.
 */
export interface ChangeRelay {
  send(changes: CaseChange[]): void;
  /** Starts delivering changes from other instances (and this one) to `deliver`. */
  start(deliver: (change: CaseChange) => void): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Fan-out of case changes to live views (tRPC subscriptions over SSE). Services publish
 * only after their transaction commits, so no view sees a change that was rolled back.
 */
export class ChangeBus {
  private readonly emitter = new EventEmitter();

  constructor(private readonly relay?: ChangeRelay) {
    // Every open browser tab holds one listener.
    this.emitter.setMaxListeners(0);
  }

  async start(): Promise<void> {
    await this.relay?.start((change) => this.emitter.emit('case', change));
  }

  async stop(): Promise<void> {
    await this.relay?.stop();
  }

  publish(changes: CaseChange | CaseChange[]): void {
    const list = Array.isArray(changes) ? changes : [changes];
    if (!list.length) return;
    if (this.relay) this.relay.send(list);
    else for (const change of list) this.emitter.emit('case', change);
  }

  async *subscribe(signal?: AbortSignal): AsyncGenerator<CaseChange> {
    for await (const [change] of on(this.emitter, 'case', { signal })) yield change as CaseChange;
  }

  listenerCount(): number {
    return this.emitter.listenerCount('case');
  }
}
