// What the live region says after an action: the host's message if it sent one, else ours.
import type { RequestKind } from '../../../../shared/domain';
import type { ActionResult } from '../../../../shared/views';
import type { NoticeTone } from '../notice/notice-store';

export type QueueAction = 'claim' | 'release' | 'attempt' | 'close' | 'forward' | 'renew';

const noun = (kind: RequestKind) => (kind === 'callback' ? 'Rückruf' : 'Vorgang');

const SENT: Record<QueueAction, (kind: RequestKind) => string> = {
  claim: (k) => `${noun(k)} übernommen.`,
  release: (k) => `${noun(k)} freigegeben.`,
  attempt: () => 'Anrufversuch erfasst.',
  close: (k) => `${noun(k)} abgeschlossen. Die personenbezogenen Daten werden gelöscht.`,
  forward: () => 'An die Fachabteilung weitergeleitet.',
  renew: () => 'Reservierung verlängert.',
};

const PENDING: Record<QueueAction, string> = {
  claim: 'Übernahme ausstehend: wird gesendet, sobald das Backend erreichbar ist.',
  release: 'Freigabe ausstehend: wird gesendet, sobald das Backend erreichbar ist.',
  attempt: 'Anrufversuch gespeichert; wird gesendet, sobald das Backend erreichbar ist.',
  close: 'Abschluss gespeichert; wird gesendet, sobald das Backend erreichbar ist.',
  forward: 'Weiterleitung gespeichert; wird gesendet, sobald das Backend erreichbar ist.',
  renew: 'Verlängerung der Reservierung ausstehend: wird gesendet, sobald das Backend erreichbar ist.',
};

const REJECTED: Record<QueueAction, string> = {
  claim: 'Übernahme abgelehnt.',
  release: 'Freigabe abgelehnt.',
  attempt: 'Anrufversuch abgelehnt.',
  close: 'Abschluss abgelehnt.',
  forward: 'Weiterleitung abgelehnt.',
  renew: 'Verlängerung abgelehnt.',
};

export function actionResultNotice(action: QueueAction, result: ActionResult, kind: RequestKind = 'callback'): { text: string; tone: NoticeTone } {
  const fallback = result.delivery === 'sent' ? SENT[action](kind) : result.delivery === 'pending' ? PENDING[action] : REJECTED[action];
  const text = result.message?.trim() ? result.message : fallback;
  return { text, tone: result.delivery === 'rejected' ? 'error' : result.delivery === 'sent' ? 'success' : 'info' };
}
