/**
 * Failed token attempts per client address (issue 14): after `limit` failures within `windowMs`
 * the address is refused (429) until that window ends, correct token or not — so guessing stays
 * slow and a refusal tells nothing. At most `addresses` are remembered (the oldest go first).
 */
export class FailedAttempts {
  private readonly byAddress = new Map<string, { failures: number; since: number }>();

  constructor(
    readonly limit = 10,
    readonly windowMs = 60_000,
    readonly addresses = 1024,
    private readonly now: () => number = Date.now,
  ) {}

  /** Whole seconds until `address` may try again; 0 when it may try now. */
  retryAfter(address: string): number {
    const entry = this.current(address);
    if (!entry || entry.failures < this.limit) return 0;
    return Math.max(1, Math.ceil((entry.since + this.windowMs - this.now()) / 1000));
  }

  /** Counts one wrong token from `address`. */
  failed(address: string): void {
    const entry = this.current(address) ?? { failures: 0, since: this.now() };
    entry.failures++;
    this.byAddress.delete(address);
    this.byAddress.set(address, entry);
    if (this.byAddress.size > this.addresses) this.byAddress.delete(this.byAddress.keys().next().value!);
  }

  /** The right token: the address starts afresh. */
  succeeded(address: string): void {
    this.byAddress.delete(address);
  }

  /** How many addresses are remembered. */
  get size(): number {
    return this.byAddress.size;
  }

  private current(address: string) {
    const entry = this.byAddress.get(address);
    if (entry && this.now() - entry.since >= this.windowMs) {
      this.byAddress.delete(address);
      return undefined;
    }
    return entry;
  }
}
