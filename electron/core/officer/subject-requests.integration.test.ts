// Issue 17, items 1 and 2, through the desks: the data-protection officer marks a case as an
// Auskunft on her PC; a second dpo workstation shows its type, deadline and extension after its
// next sync (the marking lives at the backend, not on one PC). The Find runs at the backend for
// the holder only, and this workstation's audit chain records it without any search term.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningBackend } from '../../../backend/server';
import { startBackendForTest } from '../../../backend/testing/test-backend';
import { deadlineState, extendedSubjectDeadline, subjectDeadline } from '../../../shared/subject-deadline';
import type { Desk } from '../desk';
import { demoDesk } from '../test-support/demo-desk';
import { berlinDate } from '../time/berlin';

let backend: RunningBackend;
const desks: Desk[] = [];
beforeAll(async () => {
  backend = await startBackendForTest({ seed: 17, demo: { callbacks: 2, contacts: 1, dpo: 2, equality: 0, sms: 3 } });
});
afterAll(async () => {
  await Promise.all(desks.map((d) => d.close()));
  await backend.close();
});

describe('a data subject’s request on two dpo workstations', () => {
  it('is marked on one, seen with deadline and extension on the other after sync, and searched only by its holder', async () => {
    const holder = await demoDesk(desks, backend.url, 'dpo', { sync: true });
    const colleague = await demoDesk(desks, backend.url, 'officer', { sync: true });
    const [entry] = await holder.invoke('officer.cases', {});
    expect(entry).toMatchObject({ kind: 'dpo', subjectRequest: null });
    const caseId = entry!.id;
    await holder.invoke('request.claim', { requestId: caseId });
    const due = subjectDeadline(berlinDate(new Date(entry!.receivedAt)));

    const marked = await holder.invoke('subject.change', { requestId: caseId, change: { action: 'mark', type: 'access', identity: { method: 'customer_data', note: 'Kundennummer abgeglichen' } } });
    expect(marked).toMatchObject({ type: 'access', deadline: due, extendedUntil: null, identityMethod: 'customer_data', identityNote: 'Kundennummer abgeglichen' });
    expect((await holder.invoke('officer.cases', {})).find((c) => c.id === caseId)).toMatchObject({ answerBy: due, subjectRequest: { type: 'access', deadline: due } });

    await colleague.invoke('sync.now', {});
    expect((await colleague.invoke('officer.cases', {})).find((c) => c.id === caseId)).toMatchObject({ answerBy: due, subjectRequest: { type: 'access', deadline: due, extendedUntil: null, identityMethod: 'customer_data' } });

    const extended = extendedSubjectDeadline(due, 2);
    await holder.invoke('subject.change', { requestId: caseId, change: { action: 'extend', months: 2, reason: 'Daten in mehreren Systemen, Prüfung dauert', personInformedOn: null } });
    await colleague.invoke('sync.now', {});
    expect((await colleague.invoke('officer.cases', {})).find((c) => c.id === caseId)).toMatchObject({
      answerBy: extended,
      subjectRequest: { extendedUntil: extended, personInformedOn: null },
      // Due in its last 7 days, overdue after it: whatever today is, the list says the same as the rule.
      deadlineState: deadlineState(extended, berlinDate(new Date())),
    });

    // Only the holder reads the free texts, searches and decides.
    await expect(colleague.invoke('subject.read', { requestId: caseId })).rejects.toMatchObject({ code: 'conflict' });
    await expect(colleague.invoke('subject.search', { requestId: caseId, query: { name: 'Egal Wer' } })).rejects.toMatchObject({ code: 'conflict' });

    const detail = await holder.invoke('officer.case', { requestId: caseId });
    const name = detail.detail.personal?.name;
    expect(name).toBeTruthy();
    const found = await holder.invoke('subject.search', { requestId: caseId, query: { name: name! } });
    expect(found.hits.map((h) => h.id)).toContain(`request:${caseId}`);
    await holder.invoke('subject.decide', { requestId: caseId, hitId: `request:${caseId}`, decision: 'include', reason: 'Der Antrag selbst' });
    const record = await holder.invoke('subject.read', { requestId: caseId });
    expect(record?.decisions).toMatchObject([{ hitId: `request:${caseId}`, decision: 'include', reason: 'Der Antrag selbst' }]);

    // The chain says that and how it was searched, never for whom, nor the free texts.
    const audit = JSON.stringify(holder.db.$client.prepare("SELECT action, details FROM audit_log WHERE action LIKE 'subject.%'").all());
    expect(audit).toContain('subject.search');
    for (const secret of [name!, 'Kundennummer abgeglichen', 'mehreren Systemen', 'Der Antrag selbst']) expect(audit).not.toContain(secret);
  });
});
