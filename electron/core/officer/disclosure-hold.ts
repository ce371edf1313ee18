// Records in an approved disclosure may be kept past the log's 90 days while the authority needs
// them: one SMS legal hold per customer number in the package, asked for by the data-protection
// officer at the backend (at most the legal-hold period, 180 days), effective only once a
// supervisor confirms it there, on any workstation (four eyes, as for every hold).
import type { ChannelInput } from '../../../shared/contract';
import type { DeskContext } from '../desk-context';
import { DeskError } from '../desk-error';
import type { Caller } from '../handlers/handler-types';
import { checkHoldPeriod, requestSmsHold } from '../retention/hold-requests';
import { disclosureEntry, itemIds, smsRecordsById } from './disclosures';

export async function holdDisclosedRecords(ctx: DeskContext, caller: Caller, input: ChannelInput<'disclosure.hold'>): Promise<{ holdIds: string[] }> {
  const officer = { userId: caller.session.user.id, displayName: caller.session.user.displayName };
  const entry = disclosureEntry(ctx.db, officer, input.disclosureId);
  if (entry.status !== 'approved') throw new DeskError('conflict', 'Eine Sicherung gibt es nur für freigegebene Offenlegungen.');
  const ids = itemIds(ctx.db, entry.id);
  const records = smsRecordsById(ctx.db, ids);
  // Every record must be here, or a customer could miss the hold (not yet re-synced, or purged).
  if (records.length !== ids.length) throw new DeskError('conflict', `${ids.length - records.length} Datensätze fehlen im SMS-Protokoll (noch nicht synchronisiert oder gelöscht).`);
  // The period is checked before the first request, so a too long hold leaves none behind.
  checkHoldPeriod(ctx, input.until);
  const customers = [...new Set(records.map((r) => r.customerNumber))].sort();
  const note = `Offenlegung an ${entry.authority} (${entry.authorityRef}): ${input.note}`.slice(0, 500);
  const holdIds: string[] = [];
  for (const customerNumber of customers) holdIds.push(await requestSmsHold(ctx, caller, { caseRef: entry.caseRef, customerNumber, until: input.until, note }));
  return { holdIds };
}
