// Runs the CLI's `subject` commands through the same channels as the officer's screen (role,
// holder and backend checks included). Output goes to the officer who asked, like `sms lookup`:
// the hits are the person's data on purpose; nothing of it is logged.
import { SUBJECT_REQUEST_LABELS, IDENTITY_METHOD_LABELS, type SubjectHit, type SubjectRequestRecord } from '../../shared/subject-requests';
import { ERASURE_SOURCE_LABELS, ERASURE_SOURCES, KEPT_REASON_LABELS, type KeptItem, type SubjectErasureView } from '../../shared/subject-erasure';
import type { Desk } from '../core/desk';
import type { SubjectCommand } from './subject-args';

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

export async function runSubject(desk: Desk, command: SubjectCommand, io: Io): Promise<number> {
  switch (command.name) {
    case 'subject-show': {
      const record = await desk.invoke('subject.read', { requestId: command.requestId });
      if (command.json) io.out(JSON.stringify(record));
      else if (record === null) io.out('Der Vorgang ist nicht als Betroffenenantrag gekennzeichnet.');
      else describe(record).forEach((line) => io.out(line));
      return 0;
    }
    case 'subject-change': {
      const record = await desk.invoke('subject.change', { requestId: command.requestId, change: command.change });
      io.out(`Gespeichert. ${deadlineLine(record)}`);
      return 0;
    }
    case 'subject-find': {
      const result = await desk.invoke('subject.search', { requestId: command.requestId, query: command.query });
      if (command.json) io.out(JSON.stringify(result));
      else {
        io.out(`${result.hits.length} Treffer (Suche ${result.searchId}).`);
        for (const hit of result.hits) io.out(`${hit.id}\t${hitLine(hit)}\tgefunden über ${hit.matchedBy.join(', ')}`);
        if (result.notSearched.length > 0) io.out(`Nicht durchsucht: ${result.notSearched.join(', ')}.`);
      }
      return 0;
    }
    case 'subject-decide': {
      const decision = await desk.invoke('subject.decide', { requestId: command.requestId, ...command.decision });
      io.out(`${decision.hitId}: ${decision.decision === 'include' ? 'aufgenommen' : 'ausgeschlossen'}.`);
      return 0;
    }
    case 'subject-erasure': {
      const view = await desk.invoke('subject.erasure', { requestId: command.requestId });
      if (command.json) io.out(JSON.stringify(view));
      else erasureLines(view).forEach((line) => io.out(line));
      return 0;
    }
    case 'subject-erase': {
      const view = await desk.invoke('subject.erase', { requestId: command.requestId, confirm: true });
      erasureLines(view).forEach((line) => io.out(line));
      return 0;
    }
    case 'subject-report':
    case 'subject-report-sent': {
      const files = command.name === 'subject-report-sent' ? await desk.invoke('subject.report.sent', command.input) : await desk.invoke('subject.report.produce', { requestId: command.requestId });
      if (command.name === 'subject-report' && command.json) io.out(JSON.stringify(files));
      else {
        io.out(`Auskunft in ${files.dir} (${files.items} Einträge; Manifest SHA-256 ${files.manifestSha256}).`);
        io.out(files.sentOn ? `Versandt am ${files.sentOn}; die Dateien werden am ${files.endsAt ?? '?'} gelöscht.` : `Noch nicht als versandt vermerkt; ohne Vermerk gelöscht am ${files.endsAt ?? '?'}.`);
      }
      return 0;
    }
    case 'subject-rights': {
      const record = await desk.invoke('subject.rights', { requestId: command.requestId });
      if (command.json) io.out(JSON.stringify(record));
      else {
        io.out(`Berichtigungen: ${record.rectifications.length}; Einschränkungen: ${record.restrictions.filter((r) => r.active).length} aktiv, ${record.restrictions.filter((r) => !r.active).length} aufgehoben; Widersprüche: ${record.objections.length}.`);
        for (const r of record.restrictions) io.out(`${r.id}\t${r.source}:${r.recordId}\t${r.active ? 'eingeschränkt' : 'aufgehoben'}`);
      }
      return 0;
    }
    case 'subject-rectify': {
      const done = await desk.invoke('subject.rectify', command.input);
      io.out(`Berichtigt: ${done.fields.join(', ')} (Vorgang ${done.targetId}).`);
      return 0;
    }
    case 'subject-restrict': {
      const made = await desk.invoke('subject.restrict', command.input);
      io.out(`${made.length} Einträge eingeschränkt: ${made.map((r) => r.id).join(', ')}.`);
      return 0;
    }
    case 'subject-lift': {
      const lifted = await desk.invoke('subject.lift', command.input);
      io.out(`Einschränkung ${lifted.id} aufgehoben.`);
      return 0;
    }
    case 'subject-object': {
      const objection = await desk.invoke('subject.object', command.input);
      io.out(`Widerspruch erfasst (${objection.decision === 'granted' ? 'stattgegeben' : 'abgelehnt'}); ${objection.restrictedRequests} Vorgänge dadurch eingeschränkt.`);
      return 0;
    }
    case 'subject-confirmation': {
      const written = await desk.invoke('subject.confirmation', { requestId: command.requestId });
      if (command.json) io.out(JSON.stringify(written));
      else {
        io.out(`Löschbestätigung und Nachweis in ${written.dir}:`);
        for (const file of written.files) io.out(`${file.name}\t${file.bytes} Bytes\tSHA-256 ${file.sha256}`);
      }
      return 0;
    }
  }
}

function erasureLines(view: SubjectErasureView): string[] {
  const kept = (items: readonly KeptItem[]) =>
    items.map((k) => `bleibt: ${ERASURE_SOURCE_LABELS[k.source]} ${k.id} – ${KEPT_REASON_LABELS[k.reason]}${k.until ? ` bis ${k.until}` : ''}`);
  if (view.erasure) {
    const e = view.erasure;
    return [
      `Gelöscht am ${e.at} von ${e.by.displayName}: ${e.counts.request} Vorgänge, ${e.counts.sms} SMS-Einträge, ${e.counts.portal} Portal-Einträge.`,
      ...kept(e.kept),
      ...e.workstations.map((w) => `Arbeitsplatz ${w.workstation}: ${w.status === 'received' ? 'Löschbeleg da' : w.status === 'retired' ? 'stillgelegt (kein Löschnachweis)' : 'Löschbeleg ausstehend'} (${w.received}/${w.owed})`),
      e.awaiting > 0 ? `Es fehlen noch Löschbelege von ${e.awaiting} Arbeitsplätzen; der Fall bleibt bis dahin offen.` : 'Alle Löschbelege sind da.',
    ];
  }
  const plan = view.plan;
  if (!plan) return ['Keine Löschung geplant.'];
  return [`Geplant: ${plan.erase.length} Einträge löschen (${ERASURE_SOURCES.map((s) => `${plan.erase.filter((i) => i.source === s).length} ${s}`).join(', ')}).`, ...kept(plan.keep)];
}

function deadlineLine(record: SubjectRequestRecord): string {
  const extended = record.extendedUntil ? `, verlängert bis ${record.extendedUntil}` : '';
  return `${SUBJECT_REQUEST_LABELS[record.type]}: Frist ${record.deadline}${extended}.`;
}

function describe(record: SubjectRequestRecord): string[] {
  return [
    deadlineLine(record),
    `Eingegangen am ${record.receivedOn}; gekennzeichnet von ${record.markedBy.displayName}.`,
    `Identität: ${record.identityMethod ? IDENTITY_METHOD_LABELS[record.identityMethod] : 'noch nicht geprüft'}${record.identityNote ? ` (${record.identityNote})` : ''}.`,
    ...(record.extendedUntil ? [`Verlängerung: ${record.extensionReason ?? ''}; Person informiert am ${record.personInformedOn ?? '– (noch nicht)'}.`] : []),
    `Suchen: ${record.searches.length}; Entscheidungen: ${record.decisions.length}.`,
    ...record.decisions.map((d) => `${d.hitId}\t${d.decision === 'include' ? 'aufgenommen' : 'ausgeschlossen'}\t${d.reason}`),
  ];
}

function hitLine(hit: SubjectHit): string {
  switch (hit.source) {
    case 'request':
      return `Vorgang ${hit.reference} (${hit.kind}, ${hit.status}${hit.retentionReason ? `, aufbewahrt bis ${hit.retainedUntil ?? '?'}` : ''})`;
    case 'sms':
      return `SMS ${hit.sentAt} von ${hit.ip}`;
    case 'portal':
      return `Portal ${hit.action} ${hit.at} von ${hit.ip}`;
    case 'disclosure':
      return `Offenlegung an ${hit.authority} (${hit.caseRef}, ${hit.status}, ${hit.records} SMS-Einträge der Person)`;
  }
}
