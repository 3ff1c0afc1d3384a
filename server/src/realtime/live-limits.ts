/**
 * Limits on what live connections may ask of a node. A browser page sends a handful of events
 * (a watch per page, again after a reconnection); a script can send thousands a second, and
 * each watch reads the database. Without limits one socket could hold every pooled connection,
 * starve the HTTP API and the health check, and crash the node (issue 11).
 */
export interface LiveLimitOptions {
  /** Events one connection may send: a burst, refilled at perSecond. */
  socketBurst: number;
  socketPerSecond: number;
  /** Events one person may send over all their connections to this node. */
  personBurst: number;
  personPerSecond: number;
  /** Requests and review rounds one connection may watch at once. */
  roomsPerSocket: number;
  /** Events of one connection being answered at once (a page needs one). */
  inFlightPerSocket: number;
  /**
   * Refusals a connection may earn (a burst, refilled at refusalsPerSecond) before it is
   * disconnected: a page that is told to slow down does; a script that keeps on is cut off, so
   * its backlog costs the node nothing more.
   */
  refusalBurst: number;
  refusalsPerSecond: number;
  /**
   * Database-reading events this node answers at once; the rest wait their turn. Two, not four:
   * when a node is lost, its pages' re-watches land on nodes already busy, and with four at once
   * each took longer and crowded out the offers and reads; with two the national benchmark's
   * pages showed the request again sooner (12 to 13 s p95, not 15 to 18) and the others' tails
   * shrank (docs/benchmarks.md, "A cheaper re-watch").
   */
  concurrentPerNode: number;
  /** Events waiting for a turn before the node answers "busy" instead of queueing more. */
  queuePerNode: number;
  /**
   * New connections whose credentials this node looks up at once; the rest wait their turn, and
   * none is refused for waiting (socket.io's client does not retry a refused connection on its
   * own). Each lookup takes a pooled database connection, and the pool serves whoever asked
   * first: a rush of connections (a lost node's thousands of pages arriving within a second or
   * two, or a script connecting with made-up tokens) would otherwise queue ahead of every offer
   * and read on the node, as floods of watches did before the gate above. In the national
   * benchmark it made no clear difference either way (docs/benchmarks.md, "A slower machine").
   */
  handshakesPerNode: number;
}

export const DEFAULT_LIVE_LIMITS: LiveLimitOptions = {
  socketBurst: 20,
  socketPerSecond: 5,
  personBurst: 60,
  personPerSecond: 20,
  roomsPerSocket: 50,
  inFlightPerSocket: 4,
  refusalBurst: 100,
  refusalsPerSecond: 2,
  concurrentPerNode: 2,
  queuePerNode: 2000,
  handshakesPerNode: 2,
};

/** A token bucket: `burst` events at once, then `perSecond` on average. */
export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst;
    this.last = now();
  }

  take(): boolean {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Full again: nothing to remember about this sender. */
  get idle(): boolean {
    return this.tokens + ((this.now() - this.last) / 1000) * this.perSecond >= this.burst;
  }
}

/** A person's bucket, shared by their connections to this node and dropped with the last of them. */
export class PersonBuckets {
  private readonly buckets = new Map<string, { bucket: TokenBucket; sockets: number }>();
  constructor(private readonly limits: Pick<LiveLimitOptions, "personBurst" | "personPerSecond">) {}

  attach(userId: string): TokenBucket {
    const entry = this.buckets.get(userId) ?? { bucket: new TokenBucket(this.limits.personBurst, this.limits.personPerSecond), sockets: 0 };
    entry.sockets += 1;
    this.buckets.set(userId, entry);
    return entry.bucket;
  }

  detach(userId: string): void {
    const entry = this.buckets.get(userId);
    if (!entry) return;
    entry.sockets -= 1;
    // Reconnecting at once must not reset a flooder's bucket: keep it until it has refilled.
    if (entry.sockets <= 0 && entry.bucket.idle) this.buckets.delete(userId);
  }

  /** Forgets people with no connection whose bucket has refilled (run now and then). */
  prune(): void {
    for (const [userId, entry] of this.buckets) if (entry.sockets <= 0 && entry.bucket.idle) this.buckets.delete(userId);
  }

  get size(): number {
    return this.buckets.size;
  }
}

export class BusyError extends Error {}

/** At most `concurrency` tasks at a time, at most `queue` waiting; beyond that, BusyError at once. */
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(
    private readonly concurrency: number,
    private readonly queue: number,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.queue) throw new BusyError("live events queue full");
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running += 1;
    }
    try {
      return await task();
    } finally {
      // Hand the slot straight to the next waiter (running stays the same), or free it.
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }

  get pending(): number {
    return this.waiting.length;
  }
}
