import type { officerChannels } from '../../../shared/channels/officer-channels';
import type { DeskContext } from '../desk-context';
import { exportDisclosure } from '../officer/disclosure-export';
import { holdDisclosedRecords } from '../officer/disclosure-hold';
import { requestDisclosure, decideDisclosure } from '../officer/disclosure-requests';
import { disclosureDetail, listDisclosures } from '../officer/disclosures';
import { addCaseNote, editCaseNote, listOfficerCases, readOfficerCase, type Officer } from '../officer/officer-cases';
import { requireCaughtUp } from '../sync/caught-up';
import type { Caller, HandlersFor } from './handler-types';

const officer = (caller: Caller): Officer => ({
  userId: caller.session.user.id,
  displayName: caller.session.user.displayName,
  roles: caller.session.user.roles,
  workstation: caller.session.workstation,
});

export function officerHandlers(ctx: DeskContext): HandlersFor<typeof officerChannels> {
  return {
    'officer.cases': (input, caller) => listOfficerCases(ctx.db, officer(caller), input.includeClosed ?? false, ctx.clock()),
    'officer.case': (input, caller) => readOfficerCase(ctx.db, officer(caller), input.requestId, ctx.clock()),
    'officer.addNote': (input, caller) => addCaseNote(ctx.db, ctx.clock, officer(caller), input.requestId, input.text),
    'officer.editNote': (input, caller) => editCaseNote(ctx.db, ctx.clock, officer(caller), input),
    'disclosure.create': (input, caller) => requestDisclosure(ctx, caller, input),
    'disclosure.list': (_input, caller) => listDisclosures(ctx.db, officer(caller)),
    'disclosure.detail': (input, caller) => {
      // Before the first sync the records would all look purged.
      requireCaughtUp(ctx.db);
      return disclosureDetail(ctx.db, ctx.clock, officer(caller), input.disclosureId);
    },
    'disclosure.decide': (input, caller) => decideDisclosure(ctx, caller, input),
    'disclosure.export': (input, caller) => {
      requireCaughtUp(ctx.db);
      return exportDisclosure(ctx.db, ctx.clock, ctx.options.dataDir, officer(caller), input.disclosureId);
    },
    'disclosure.hold': (input, caller) => holdDisclosedRecords(ctx, caller, input),
  };
}
