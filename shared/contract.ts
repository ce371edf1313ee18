// The one channel map (STYLE.md 2). IPC handlers, the preload bridge, the web host and the
// type of window.api are all derived from it. Channels are declared per domain in channels/;
// a new channel is one entry there plus its handler in electron/core/handlers/.
import { z } from 'zod';
import { auditChannels } from './channels/audit-channels';
import { officerChannels } from './channels/officer-channels';
import { queueChannels } from './channels/queue-channels';
import { retentionChannels } from './channels/retention-channels';
import { sessionChannels } from './channels/session-channels';
import { smsChannels } from './channels/sms-channels';
import { portalChannels } from './channels/portal-channels';
import { syncChannels } from './channels/sync-channels';
import { workstationChannels } from './channels/workstation-channels';
import { subjectChannels } from './channels/subject-channels';
import { subjectErasureChannels } from './channels/subject-erasure-channels';
import { subjectReportChannels } from './channels/subject-report-channels';
import { subjectRightsChannels } from './channels/subject-rights-channels';

export { type Access, type Channel } from './channels/channel';
export { BackendUrl, LoginInput } from './channels/session-channels';
export { CloseInput, QueueListInput } from './channels/queue-channels';
export { SmsLookupInput } from './channels/sms-channels';

export const contract = {
  ...sessionChannels,
  ...queueChannels,
  ...syncChannels,
  ...retentionChannels,
  ...smsChannels,
  ...portalChannels,
  ...officerChannels,
  ...auditChannels,
  ...workstationChannels,
  ...subjectChannels,
  ...subjectErasureChannels,
  ...subjectReportChannels,
  ...subjectRightsChannels,
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = z.output<Contract[K]['output']>;
export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];

export function isChannelName(name: unknown): name is ChannelName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

/** Pushed from the host to the renderer so screens refresh without polling. */
export const DeskEvent = z.object({ type: z.literal('changed'), scope: z.enum(['queue', 'session', 'sync']) });
export type DeskEvent = z.infer<typeof DeskEvent>;

/** Errors crossing the bridge: a code for the UI to branch on and a German message to show. */
export const DESK_ERROR_CODES = [
  'invalid_input',
  'not_logged_in',
  'session_expired',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_credentials',
  'backend_unreachable',
  /** The first sync after login is not in yet: answering now would answer from a partial copy. */
  'not_ready',
  'internal',
] as const;
export type DeskErrorCode = (typeof DESK_ERROR_CODES)[number];
export const DeskErrorShape = z.object({ code: z.enum(DESK_ERROR_CODES), message: z.string() });
export type DeskErrorShape = z.infer<typeof DeskErrorShape>;
