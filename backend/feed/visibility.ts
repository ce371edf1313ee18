// Who sees what in the feed (SYNC_API.md, Roles). Entries of the log carry an audience code;
// a user gets a mask over those codes, so filtering a million events is one array lookup each.
import { kindsVisibleTo, maySeeSms, type Role } from '../../shared/domain';
import { AUDIENCE_COUNT, AUDIENCE_RECEIPTS, AUDIENCE_SMS } from '../state/event-log';
import { KIND_CODE } from '../state/request-table';

export function audienceMask(roles: readonly Role[]): Uint8Array {
  const mask = new Uint8Array(AUDIENCE_COUNT);
  for (const kind of kindsVisibleTo(roles)) mask[KIND_CODE[kind]] = 1;
  if (maySeeSms(roles)) mask[AUDIENCE_SMS] = 1;
  if (roles.includes('supervisor')) mask[AUDIENCE_RECEIPTS] = 1;
  return mask;
}
