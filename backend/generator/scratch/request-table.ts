// The generator's scratch table of requests it invents: what the feed shows (kind, time,
// summary) in columns and a seed per request from which its personal data is written
// (generator/payload.ts). The loader stores both in the database; this table is then dropped.
import { REQUEST_KINDS, TOPICS, type RequestKind, type Topic } from '../../../shared/domain';
import { type QueueEntry } from '../../../shared/sync-api';
import { derivedUuid } from '../prng';
import { dayToIsoDate, instant } from '../../time';
import { withCapacity } from './columns';

export const KIND_CODE: Readonly<Record<RequestKind, number>> = { callback: 0, contact: 1, dpo: 2, equality: 3 };
const TOPIC_CODE: Readonly<Record<Topic, number>> = { billing: 0, contract: 1, move: 2, outage: 3, other: 4, online_access: 5 };

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

  countsByKind(): Record<RequestKind, number> {
    const counts: Record<RequestKind, number> = { callback: 0, contact: 0, dpo: 0, equality: 0 };
    for (let i = 0; i < this.count; i++) counts[this.kind(i)]++;
    return counts;
  }
}

export function clock(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}
