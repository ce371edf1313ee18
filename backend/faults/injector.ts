// Rolls the fault dice for each /api/v1 call and counts what it did.
import { derivedUuid, mix32, Prng } from '../generator/prng';
import { FaultConfig, NO_FAULTS, zeroCounters, type FaultConfigInput, type FaultCounters } from './config';

export type CallFault =
  | { kind: 'drop'; afterProcessing: boolean }
  | { kind: 'timeout'; afterProcessing: boolean; ms: number }
  | { kind: 'status'; status: 500 | 503 | 429; retryAfterSeconds: number };

export class FaultInjector {
  config: FaultConfig = NO_FAULTS;
  rng: Prng;
  readonly counters: FaultCounters = zeroCounters();
  private cursorExpiryPending = false;
  private injected = 0;

  constructor(
    private readonly baseSeed: number,
    private readonly noiseSalt: number,
    config: FaultConfigInput = {},
  ) {
    this.rng = new Prng(baseSeed);
    this.configure(config);
  }

  /** Replaces the configuration (counters keep counting) and reseeds, so a run is reproducible. */
  configure(input: FaultConfigInput): FaultConfig {
    this.config = FaultConfig.parse(input);
    this.rng = new Prng(mix32((this.config.seed ?? this.baseSeed) ^ 0x6661756c));
    this.cursorExpiryPending = this.config.expireCursorOnce;
    return this.config;
  }

  /** At most one fault per call: one roll against the cumulative rates. */
  rollCall(): CallFault | null {
    const c = this.config;
    let r = this.rng.next();
    if ((r -= c.dropRate) < 0) {
      this.counters.dropped++;
      return { kind: 'drop', afterProcessing: this.lostAnswer() };
    }
    if ((r -= c.timeoutRate) < 0) {
      this.counters.timedOut++;
      return { kind: 'timeout', afterProcessing: this.lostAnswer(), ms: c.timeoutMs };
    }
    if ((r -= c.error500Rate) < 0) {
      this.counters.error500++;
      return { kind: 'status', status: 500, retryAfterSeconds: 0 };
    }
    if ((r -= c.error503Rate) < 0) {
      this.counters.error503++;
      return { kind: 'status', status: 503, retryAfterSeconds: c.retryAfterSeconds };
    }
    if ((r -= c.error429Rate) < 0) {
      this.counters.error429++;
      return { kind: 'status', status: 429, retryAfterSeconds: c.retryAfterSeconds };
    }
    return null;
  }

  /** True once after expireCursorOnce was configured. */
  takeCursorExpiry(): boolean {
    if (!this.cursorExpiryPending) return false;
    this.cursorExpiryPending = false;
    this.counters.cursorsExpired++;
    return true;
  }

  nextNoiseId(): string {
    return derivedUuid(this.noiseSalt, this.injected++);
  }

  private lostAnswer(): boolean {
    const after = this.rng.chance(0.5);
    if (after) this.counters.lostAnswers++;
    return after;
  }
}
