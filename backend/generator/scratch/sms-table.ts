// The generator's scratch free-SMS log in columns: send time, customer and IP as indexes into
// small string pools. The loader stores the records with ids of their own.
import { type SmsRecord } from '../../../shared/sync-api';
import { derivedUuid } from '../prng';
import { instant } from '../../time';
import { withCapacity } from './columns';

export class SmsTable {
  count = 0;
  /** Customer numbers (digits) and IP addresses, each stored once. */
  readonly customers: string[] = [];
  readonly ips: string[] = [];
  /** The IP a customer usually sends from, by customer index. */
  readonly homeIp: number[] = [];
  /** Addresses several customers send from (carrier NAT, an internet café, a misuser). */
  readonly sharedIps: number[] = [];
  private sentAtMs = new Float64Array(0);
  private customerOf = new Uint32Array(0);
  private ipOf = new Uint32Array(0);

  constructor(private readonly idSalt: number) {}

  addCustomer(number: string, ip: string): number {
    this.customers.push(number);
    this.homeIp.push(this.addIp(ip));
    return this.customers.length - 1;
  }

  addIp(ip: string): number {
    this.ips.push(ip);
    return this.ips.length - 1;
  }

  /** Forgets the records once they are stored; the customer and address pools stay for later batches. */
  clearRecords(): void {
    this.count = 0;
  }

  reserve(extra: number): void {
    const size = this.count + extra;
    this.sentAtMs = withCapacity(this.sentAtMs, size);
    this.customerOf = withCapacity(this.customerOf, size);
    this.ipOf = withCapacity(this.ipOf, size);
  }

  add(sentAt: number, customer: number, ip: number): number {
    const i = this.count;
    this.reserve(1);
    this.sentAtMs[i] = sentAt;
    this.customerOf[i] = customer;
    this.ipOf[i] = ip;
    this.count = i + 1;
    return i;
  }

  sentAt(i: number): number {
    return this.sentAtMs[i] ?? 0;
  }

  customerIndex(i: number): number {
    return this.customerOf[i] ?? 0;
  }

  ipIndex(i: number): number {
    return this.ipOf[i] ?? 0;
  }

  id(i: number): string {
    return derivedUuid(this.idSalt, i);
  }

  record(i: number): SmsRecord {
    return {
      id: this.id(i),
      customerNumber: this.customers[this.customerIndex(i)] ?? '0',
      sentAt: instant(this.sentAt(i)),
      ip: this.ips[this.ipIndex(i)] ?? '0.0.0.0',
    };
  }
}
