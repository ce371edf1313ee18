// Per-session rules for the main window: the CSP header on every response and a permission
// policy that grants nothing but notifications (for new-callback alerts).
import type { Session } from 'electron';

type PolicySession = Pick<Session, 'webRequest' | 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>;

const CSP_HEADER = 'content-security-policy';
const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications']);

export function isAllowedPermission(permission: string): boolean {
  return ALLOWED_PERMISSIONS.has(permission);
}

/** Replaces any CSP header (whatever its casing) so ours is the only policy in force. */
export function withContentSecurityPolicy(
  headers: Record<string, string[]> | undefined,
  policy: string,
): Record<string, string[]> {
  const kept = Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== CSP_HEADER);
  return { ...Object.fromEntries(kept), 'Content-Security-Policy': [policy] };
}

export function applySessionPolicy(session: PolicySession, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders, policy) });
  });
  session.setPermissionRequestHandler((_webContents, permission, callback) => {
    callback(isAllowedPermission(permission));
  });
  session.setPermissionCheckHandler((_webContents, permission) => isAllowedPermission(permission));
}
