// The Online-Kundencenter's access log (issue 15): the same lookup as the SMS log (customer
// number or address/range, a period within 90 days, bound to a case reference and purpose).
import { PortalLookupReport } from '../officer-views';
import { channel } from './channel';
import { SmsLookupInput } from './sms-channels';

export const PortalLookupInput = SmsLookupInput;

export const portalChannels = {
  'portal.lookup': channel(PortalLookupInput, PortalLookupReport, ['dpo', 'supervisor']),
} as const;
