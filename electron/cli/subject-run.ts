// Runs the CLI's `subject` commands through the same channels as the officer's screen (role,
// holder and backend checks included). Output goes to the officer who asked, like `sms lookup`:
// the hits are the person's data on purpose; nothing of it is logged.
import { SUBJECT_REQUEST_LABELS, IDENTITY_METHOD_LABELS, type SubjectHit, type SubjectRequestRecord } from '../../shared/subject-requests';
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
  }
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
    default:
      // A source this CLI does not know yet (the contract grows): its id and kind still show.
      return `Eintrag (${(hit as { source: string }).source})`;
  }
}
