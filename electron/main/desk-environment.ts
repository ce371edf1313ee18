// Reads the environment variables the Electron host understands, and fails loudly on bad ones
// instead of starting with a half-understood configuration.
import { resolve } from 'node:path';
import { z } from 'zod';
import { BackendUrl } from '../../shared/contract';
import { DemoUser } from '../../shared/views';

export interface DeskEnvironment {
  dataDir: string;
  /** True when SERVICEDESK_DATA_DIR chose the directory (tests, several profiles side by side). */
  dataDirFromEnv: boolean;
  defaultBackendUrl?: string;
  demoUsers?: DemoUser[];
}

export class DeskEnvironmentError extends Error {
  override readonly name = 'DeskEnvironmentError';
}

function parseDemoUsers(json: string): DemoUser[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new DeskEnvironmentError('SERVICEDESK_DEMO_USERS ist kein gültiges JSON. / SERVICEDESK_DEMO_USERS is not valid JSON.');
  }
  const parsed = z.array(DemoUser).safeParse(value);
  if (!parsed.success) {
    throw new DeskEnvironmentError(
      'SERVICEDESK_DEMO_USERS muss eine Liste von {username, password, displayName, roles} sein. ' +
        '/ SERVICEDESK_DEMO_USERS must be an array of {username, password, displayName, roles}.',
    );
  }
  return parsed.data;
}

export function readDeskEnvironment(env: NodeJS.ProcessEnv, userDataPath: string): DeskEnvironment {
  const dataDirFromEnv = Boolean(env.SERVICEDESK_DATA_DIR);
  const result: DeskEnvironment = {
    dataDir: env.SERVICEDESK_DATA_DIR ? resolve(env.SERVICEDESK_DATA_DIR) : userDataPath,
    dataDirFromEnv,
  };
  if (env.SERVICEDESK_BACKEND_URL) {
    if (!BackendUrl.safeParse(env.SERVICEDESK_BACKEND_URL).success) {
      throw new DeskEnvironmentError(
        'SERVICEDESK_BACKEND_URL muss mit http:// oder https:// beginnen. / SERVICEDESK_BACKEND_URL must start with http:// or https://.',
      );
    }
    result.defaultBackendUrl = env.SERVICEDESK_BACKEND_URL;
  }
  if (env.SERVICEDESK_DEMO_USERS) result.demoUsers = parseDemoUsers(env.SERVICEDESK_DEMO_USERS);
  return result;
}
