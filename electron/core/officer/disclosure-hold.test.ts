// Legal holds for an approved disclosure go through the retention engine's four-eyes holds.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { smsHolds, smsLog } from '../db/schema';
import { confirmSmsHold } from '../retention/holds';
import { ipKey } from '../sms/ip-key';
import { fixedClock, tempDatabase } from '../test-support/fixtures';
import { holdDisclosedRecords } from './disclosure-hold';
import { createDisclosure, decideDisclosure } from './disclosures';

const dana = { userId: 'u-dpo', displayName: 'Dana Datenschutz' };
const sina = { userId: 'u-sup', displayName: 'Sina Schichtleitung' };
const clock = fixedClock('2026-11-26T12:00:00.000Z');

describe('holdDisclosedRecords', () => {
  it('sets one pending hold per customer of an approved disclosure, at most 180 days, confirmed by a supervisor', () => {
    const { db } = tempDatabase();
    const smsIds = ['111', '111', '222'].map((customerNumber, i) => {
      const id = randomUUID();
      db.insert(smsLog).values({ id, customerNumber, sentAt: `2026-11-2${i}T10:00:00.000Z`, ip: '192.0.2.1', ipKey: ipKey('192.0.2.1') }).run();
      return id;
    });
    const entry = createDisclosure(db, clock, dana, { caseRef: 'DS-2026-17', smsIds, authority: 'Staatsanwaltschaft Bochum', authorityRef: '41 Js 12/26', legalBasis: '§ 100g StPO' });
    const hold = { disclosureId: entry.id, until: '2027-03-01', note: 'Ermittlungsverfahren läuft' };
    expect(() => holdDisclosedRecords(db, clock, dana, hold)).toThrow(expect.objectContaining({ code: 'conflict' }));

    decideDisclosure(db, clock, sina, { disclosureId: entry.id, decision: 'approved' });
    expect(() => holdDisclosedRecords(db, clock, dana, { ...hold, until: '2027-06-30' })).toThrow(/höchstens 180 Tage/);
    expect(db.select().from(smsHolds).all()).toEqual([]);

    const { holdIds } = holdDisclosedRecords(db, clock, dana, hold);
    const holds = db.select().from(smsHolds).all();
    expect(holds.map((h) => h.customerNumber).sort()).toEqual(['111', '222']);
    expect(holds.every((h) => h.caseRef === 'DS-2026-17' && h.confirmedAt === null && h.note.includes('41 Js 12/26'))).toBe(true);
    expect(() => confirmSmsHold(db, clock, dana, holdIds[0]!)).toThrow(expect.objectContaining({ code: 'forbidden' }));
    confirmSmsHold(db, clock, sina, holdIds[0]!);
  });
});
