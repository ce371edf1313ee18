// Login, logout, who is logged in, and the host's configuration.
import { z } from 'zod';
import { AppConfig, SessionInfo } from '../views';
import { channel, None } from './channel';

export const BackendUrl = z
  .url({ protocol: /^https?$/, error: 'Backend-Adresse muss mit http:// oder https:// beginnen' })
  .max(500);

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
