// The requests the website received. What the feed shows (kind, time, summary) is kept in
// columns; the personal data is not stored at all but re-derived from a per-request seed when
// somebody claims the request (generator/payload.ts). Only requests someone touched get a
// lifecycle object (lease, closed, erased).
import { REQUEST_KINDS, TOPICS, type RequestKind, type Topic } from '../../shared/domain';
import { type Actor, type QueueEntry } from '../../shared/sync-api';
import { derivedUuid } from '../generator/prng';
import { dayToIsoDate, instant } from '../time';
import { withCapacity } from './columns';

export const KIND_CODE: Readonly<Record<RequestKind, number>> = { callback: 0, contact: 1, dpo: 2, equality: 3 };
const TOPIC_CODE: Readonly<Record<Topic, number>> = { billing: 0, contract: 1, move: 2, outage: 3, other: 4 };

export interface RequestRow {
  kind: RequestKind;
  receivedAt: number;
  /** Seed from which the personal data is derived. */
  seed: number;
  topic: Topic;
  /** Callbacks only: Berlin epoch day and start hour of the two-hour window. */
  preferredDay: number;
  windowFrom: number;
}

export interface Lease extends Actor {
  workstation: string;
  until: number;
}

export interface RequestLifecycle {
  /** The current holder; an expired lease stays here until someone takes it over or it is released. */
  lease: Lease | null;
  closed: boolean;
  erased: boolean;
  attempts: number;
}

export class RequestTable {
  count = 0;
  ids: string[] = [];
  private kindCodes = new Uint8Array(0);
  private received = new Float64Array(0);
  private seeds = new Uint32Array(0);
  private topicCodes = new Uint8Array(0);
  private preferredDays = new Uint32Array(0);
  private windowFroms = new Uint8Array(0);
  private readonly byId = new Map<string, number>();
  private readonly lifecycles = new Map<number, RequestLifecycle>();

  /** Ids are derived from `idSalt` and the position: unique by construction, same for the same seed. */
  constructor(private readonly idSalt: number) {}

  add(row: RequestRow): number {
    const i = this.count;
    const id = derivedUuid(this.idSalt, i);
    const size = i + 1;
    this.kindCodes = withCapacity(this.kindCodes, size);
    this.received = withCapacity(this.received, size);
    this.seeds = withCapacity(this.seeds, size);
    this.topicCodes = withCapacity(this.topicCodes, size);
    this.preferredDays = withCapacity(this.preferredDays, size);
    this.windowFroms = withCapacity(this.windowFroms, size);
    this.kindCodes[i] = KIND_CODE[row.kind];
    this.received[i] = row.receivedAt;
    this.seeds[i] = row.seed;
    this.topicCodes[i] = TOPIC_CODE[row.topic];
    this.preferredDays[i] = row.preferredDay;
    this.windowFroms[i] = row.windowFrom;
    this.ids.push(id);
    this.byId.set(id, i);
    this.count = size;
    return i;
  }

  /** The generator's guarantees move a callback's wished day after the fact (generator/request-batch.ts). */
  setPreferredDay(i: number, day: number): void {
    this.preferredDays[i] = day;
  }

  indexOf(id: string): number | undefined {
    return this.byId.get(id);
  }

  kindCode(i: number): number {
    return this.kindCodes[i] ?? 0;
  }

  kind(i: number): RequestKind {
    return REQUEST_KINDS[this.kindCode(i)] ?? 'callback';
  }

  row(i: number): RequestRow {
    return {
      kind: this.kind(i),
      receivedAt: this.received[i] ?? 0,
      seed: this.seeds[i] ?? 0,
      topic: TOPICS[this.topicCodes[i] ?? 0] ?? 'other',
      preferredDay: this.preferredDays[i] ?? 0,
      windowFrom: this.windowFroms[i] ?? 8,
    };
  }

  receivedAt(i: number): number {
    return this.received[i] ?? 0;
  }

  /** The feed's view of a request: no personal data. */
  queueEntry(i: number): QueueEntry {
    const id = this.ids[i] ?? '';
    const receivedAt = instant(this.received[i] ?? 0);
    const topic = TOPICS[this.topicCodes[i] ?? 0] ?? 'other';
    const kind = this.kind(i);
    if (kind === 'callback') {
      const from = this.windowFroms[i] ?? 8;
      return {
        id,
        kind,
        receivedAt,
        summary: {
          preferredDate: dayToIsoDate(this.preferredDays[i] ?? 0),
          preferredWindow: { from: clock(from), to: clock(from + 2) },
          topic,
        },
      };
    }
    return { id, kind, receivedAt, summary: { category: topic } };
  }

  lifecycle(i: number): RequestLifecycle {
    let state = this.lifecycles.get(i);
    if (!state) {
      state = { lease: null, closed: false, erased: false, attempts: 0 };
      this.lifecycles.set(i, state);
    }
    return state;
  }

  /** Lifecycles of requests someone touched, for stats. */
  touched(): IterableIterator<RequestLifecycle> {
    return this.lifecycles.values();
  }

  countsByKind(): Record<RequestKind, number> {
    const counts: Record<RequestKind, number> = { callback: 0, contact: 0, dpo: 0, equality: 0 };
    for (let i = 0; i < this.count; i++) counts[this.kind(i)]++;
    return counts;
  }
}

export function clock(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
