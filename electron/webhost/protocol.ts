// The web host's wire protocol, shared by its server and its browser bridge (both halves of
// one host). Paths, headers, the launch code's place in the address, and the answer envelope.
import type { DeskErrorShape } from '../../shared/contract';

export const INVOKE_PATH = '/desk/invoke';
export const EVENTS_PATH = '/desk/events';
/** POST with the launch code: answered with the session cookie (web-session.ts). */
export const SESSION_PATH = '/desk/session';
export const BRIDGE_PATH = '/desk-bridge.js';
/** The launch code travels in the address's fragment (never sent to a server) under this name. */
export const CODE_FRAGMENT = 'code';
export const CODE_HEADER = 'x-desk-launch-code';
/** Sent with every call of our page: a custom header needs a CORS preflight from any other origin. */
export const REQUEST_HEADER = 'x-desk-request';

export type InvokeEnvelope = { ok: true; value: unknown } | { ok: false; error: DeskErrorShape };
