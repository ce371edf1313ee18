// What the live region says after an action: the host's message if it sent one, else ours.
import type { ActionResult } from '../../../../shared/views';
import type { NoticeTone } from '../notice/notice-store';

export type QueueAction = 'claim' | 'release' | 'attempt' | 'close';

const SENT: Record<QueueAction, string> = {
  claim: 'Rückruf übernommen.',
  release: 'Rückruf freigegeben.',
  attempt: 'Anrufversuch erfasst.',
  close: 'Rückruf abgeschlossen. Die personenbezogenen Daten werden gelöscht.',
};

const PENDING: Record<QueueAction, string> = {
  claim: 'Übernahme ausstehend: wird gesendet, sobald das Backend erreichbar ist.',
  release: 'Freigabe ausstehend: wird gesendet, sobald das Backend erreichbar ist.',
  attempt: 'Anrufversuch gespeichert; wird gesendet, sobald das Backend erreichbar ist.',
  close: 'Abschluss gespeichert; wird gesendet, sobald das Backend erreichbar ist.',
};

const REJECTED: Record<QueueAction, string> = {
  claim: 'Übernahme abgelehnt.',
  release: 'Freigabe abgelehnt.',
  attempt: 'Anrufversuch abgelehnt.',
  close: 'Abschluss abgelehnt.',
};

export function actionResultNotice(action: QueueAction, result: ActionResult): { text: string; tone: NoticeTone } {
  const fallback = { sent: SENT, pending: PENDING, rejected: REJECTED }[result.delivery][action];
  const text = result.message?.trim() ? result.message : fallback;
  return { text, tone: result.delivery === 'rejected' ? 'error' : result.delivery === 'sent' ? 'success' : 'info' };
}
