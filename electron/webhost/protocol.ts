// The web host's wire protocol, shared by its server and its browser bridge (both halves of
// one host). Paths, the secret header and the answer envelope.
import type { DeskErrorShape } from '../../shared/contract';

export const INVOKE_PATH = '/desk/invoke';
export const EVENTS_PATH = '/desk/events';
export const BRIDGE_PATH = '/desk-bridge.js';
export const SECRET_HEADER = 'x-desk-secret';
export const SECRET_QUERY = 'secret';

export type InvokeEnvelope = { ok: true; value: unknown } | { ok: false; error: DeskErrorShape };
