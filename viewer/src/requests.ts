// Requests from the viewer to Python (Retry, exports) with ids and timeouts.
// Every request carries an id; Python's reply names it. A reply whose id is
// not pending (it timed out, or a newer request of the same key replaced it)
// is stale and ignored; a request without a reply in time is reported, so
// nothing waits forever.

export interface PendingRequest {
  id: number;
  type: string;
  key: string; // a newer request with the same key supersedes this one
  payload: Record<string, unknown>;
}

interface Entry extends PendingRequest { timer: ReturnType<typeof setTimeout> }

export class RequestTracker {
  private nextId = 1;
  private readonly pending = new Map<number, Entry>();

  constructor(
    private readonly send: (message: Record<string, unknown>) => void,
    private readonly timeoutMs: () => number,
    private readonly onTimeout: (request: PendingRequest) => void,
  ) {}

  request(type: string, payload: Record<string, unknown> = {}, key = type): number {
    for (const [id, e] of this.pending) {
      if (e.key === key) { clearTimeout(e.timer); this.pending.delete(id); }
    }
    const id = this.nextId++;
    const timer = setTimeout(() => {
      const e = this.pending.get(id);
      if (!e) return;
      this.pending.delete(id);
      this.onTimeout(e);
    }, Math.max(0, this.timeoutMs()));
    this.pending.set(id, { id, type, key, payload, timer });
    this.send({ type, id, ...payload });
    return id;
  }

  // The pending request `reply` answers, or null when it is stale or unknown.
  settle(reply: unknown): PendingRequest | null {
    if (!reply || typeof reply !== 'object') return null;
    const r = reply as { id?: unknown; type?: unknown };
    if (typeof r.id !== 'number') return null;
    const e = this.pending.get(r.id);
    if (!e || e.type !== r.type) return null;
    clearTimeout(e.timer);
    this.pending.delete(r.id);
    return e;
  }

  get size(): number { return this.pending.size; }

  dispose(): void {
    for (const e of this.pending.values()) clearTimeout(e.timer);
    this.pending.clear();
  }
}
