// Login, logout, who is logged in, and the host's configuration.
import { z } from 'zod';
import { AppConfig, SessionInfo } from '../views';
import { channel, None } from './channel';

/** Loopback: plain HTTP never leaves this machine. */
function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** Passwords, tokens and personal data travel to the backend: over the network only with TLS. */
export const BackendUrl = z
  .url({ protocol: /^https?$/, error: 'Backend-Adresse muss mit http:// oder https:// beginnen' })
  .max(500)
  // An address that is no URL at all has its message from z.url already.
  .refine((url) => !URL.canParse(url) || url.startsWith('https:') || isLoopbackUrl(url), {
    error: 'Ein Backend im Netz nur über https:// – unverschlüsseltes http:// nur zu diesem Rechner (localhost, 127.0.0.1)',
  });

export const LoginInput = z
  .object({
    backendUrl: BackendUrl,
    username: z.string().trim().min(1, 'Benutzername fehlt').max(200),
    password: z.string().min(1, 'Passwort fehlt').max(500),
  })
  .strict();

export const sessionChannels = {
  'app.config': channel(None, AppConfig, 'public'),
  'session.current': channel(None, SessionInfo.nullable(), 'public'),
  'session.login': channel(LoginInput, SessionInfo, 'public'),
  'session.logout': channel(None, z.null(), 'public'),
} as const;
