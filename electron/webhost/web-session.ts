// Who may use the web host: the browser tab that opened the address printed at launch. That
// address carries a one-time launch code in its fragment; the page exchanges it at once for a
// session cookie (HttpOnly, SameSite=Strict, no expiry: gone with the browser session). After the
// exchange the code is spent, so the address in the browser's history, session restore or a
// screenshot opens nothing, and no secret ever stands in a URL the host serves (events included).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';
import { parseCookie, stringifySetCookie } from 'cookie';
import { CODE_HEADER, REQUEST_HEADER } from './protocol';

export interface WebSessions {
  /** The launch code for the printed address (valid for one exchange). */
  readonly launchCode: string;
  /** POST /desk/session: the code (or an existing session) → a session cookie; false when refused. */
  exchange(req: http.IncomingMessage, res: http.ServerResponse): boolean;
  /** A call from our own page with a live session (cookie, our origin, the custom request header). */
  mayCall(req: http.IncomingMessage): boolean;
  /** The event stream: a live session from our own page (EventSource cannot send custom headers). */
  mayListen(req: http.IncomingMessage): boolean;
}

const digest = (value: string) => createHash('sha256').update(value).digest();
const sameSecret = (given: string | undefined, expected: Buffer) => typeof given === 'string' && timingSafeEqual(digest(given), expected);

export function createWebSessions(origin: () => string): WebSessions {
  const launchCode = randomBytes(32).toString('base64url');
  const codeDigest = digest(launchCode);
  let codeSpent = false;
  const sessions: Buffer[] = [];
  // Cookies are not kept apart by port: the name carries it, so two hosts on 127.0.0.1 never mix.
  const cookieName = () => `servicedesk_session_${new URL(origin()).port}`;

  const hasSession = (req: http.IncomingMessage) => {
    const given = parseCookie(req.headers.cookie ?? '')[cookieName()];
    return given !== undefined && sessions.some((s) => sameSecret(given, s));
  };
  // A browser names the page a request comes from; anything but our own origin is refused
  // (the host answers as 127.0.0.1 and as localhost, see the Host check in server.ts).
  const fromOurPage = (req: http.IncomingMessage) => {
    const site = req.headers['sec-fetch-site'];
    const from = req.headers.origin;
    const ours = [origin(), `http://localhost:${new URL(origin()).port}`];
    return (site === undefined || site === 'same-origin') && (from === undefined || ours.includes(from));
  };

  return {
    launchCode,
    exchange(req, res) {
      // The custom header: a foreign page cannot send it without a CORS preflight, which is never answered.
      if (req.method !== 'POST' || req.headers[REQUEST_HEADER] !== '1' || !fromOurPage(req)) return false;
      const code = req.headers[CODE_HEADER];
      if (!codeSpent && sameSecret(typeof code === 'string' ? code : undefined, codeDigest)) {
        codeSpent = true;
        const session = randomBytes(32).toString('base64url');
        sessions.push(digest(session));
        res.setHeader('set-cookie', stringifySetCookie({ name: cookieName(), value: session, httpOnly: true, sameSite: 'strict', path: '/desk' }));
        return true;
      }
      // The printed address opened again in a browser that already has its session.
      return hasSession(req);
    },
    mayCall: (req) => req.headers[REQUEST_HEADER] === '1' && fromOurPage(req) && hasSession(req),
    mayListen: (req) => fromOurPage(req) && hasSession(req),
  };
}
