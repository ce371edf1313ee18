// The officers' part of the renderer's door to the host (issue 5): confidential cases, the SMS
// lookup, disclosures. Built over the same DeskApi by createDeskService; never reads window.api.
import type { DeskApi } from '../../../shared/api';
import type { ChannelInput, ChannelOutput } from '../../../shared/contract';

export type SmsLookupQuery = ChannelInput<'sms.lookup'>;
export type DisclosureDraft = ChannelInput<'disclosure.create'>;

export interface OfficerService {
  cases(includeClosed?: boolean): Promise<ChannelOutput<'officer.cases'>>;
  openCase(requestId: string): Promise<ChannelOutput<'officer.case'>>;
  addNote(requestId: string, text: string): Promise<ChannelOutput<'officer.addNote'>>;
  editNote(requestId: string, noteId: string, text: string): Promise<ChannelOutput<'officer.editNote'>>;
  lookupSms(query: SmsLookupQuery): Promise<ChannelOutput<'sms.lookup'>>;
  lookupPortal(query: SmsLookupQuery): Promise<ChannelOutput<'portal.lookup'>>;
  createDisclosure(draft: DisclosureDraft): Promise<ChannelOutput<'disclosure.create'>>;
  disclosures(): Promise<ChannelOutput<'disclosure.list'>>;
  disclosure(disclosureId: string): Promise<ChannelOutput<'disclosure.detail'>>;
  decideDisclosure(disclosureId: string, decision: 'approved' | 'rejected', note?: string): Promise<ChannelOutput<'disclosure.decide'>>;
  exportDisclosure(disclosureId: string): Promise<ChannelOutput<'disclosure.export'>>;
  holdDisclosure(input: ChannelInput<'disclosure.hold'>): Promise<ChannelOutput<'disclosure.hold'>>;
}

export function createOfficerService(api: DeskApi): OfficerService {
  return {
    cases: (includeClosed) => api.invoke('officer.cases', includeClosed ? { includeClosed } : {}),
    openCase: (requestId) => api.invoke('officer.case', { requestId }),
    addNote: (requestId, text) => api.invoke('officer.addNote', { requestId, text }),
    editNote: (requestId, noteId, text) => api.invoke('officer.editNote', { requestId, noteId, text }),
    lookupSms: (query) => api.invoke('sms.lookup', query),
    lookupPortal: (query) => api.invoke('portal.lookup', query),
    createDisclosure: (draft) => api.invoke('disclosure.create', draft),
    disclosures: () => api.invoke('disclosure.list', {}),
    disclosure: (disclosureId) => api.invoke('disclosure.detail', { disclosureId }),
    decideDisclosure: (disclosureId, decision, note) => api.invoke('disclosure.decide', note ? { disclosureId, decision, note } : { disclosureId, decision }),
    exportDisclosure: (disclosureId) => api.invoke('disclosure.export', { disclosureId }),
    holdDisclosure: (input) => api.invoke('disclosure.hold', input),
  };
}
