// "Nächsten fälligen Rückruf übernehmen" (key n): the open callback whose window began earliest
// (the most overdue, else the one due soonest) is opened and claimed in one step, as a contact
// center's "next call" button does. The core picks it, so the filters on screen do not matter.
import type { DeskService } from '../../services/desk';
import type { QueueStore } from './queue-store';

export async function claimNextCallback(queue: QueueStore, service: DeskService, announce: (text: string) => void): Promise<void> {
  const answer = await service.queueWindow({ filter: { kind: 'callback', status: 'open' }, sort: { column: 'due', desc: false }, offset: 0, limit: 1 });
  const next = answer.rows[0];
  if (!next) {
    announce('Kein offener Rückruf in der Warteschlange.');
    return;
  }
  await queue.getState().select(next.id);
  await queue.getState().claim();
}
