import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeskEnvironmentError, readDeskEnvironment } from './desk-environment';

const USER_DATA = '/home/anna/.config/Servicecenter Desk';

describe('readDeskEnvironment', () => {
  it("defaults to Electron's userData directory and no overrides", () => {
    expect(readDeskEnvironment({}, USER_DATA)).toEqual({ dataDir: USER_DATA, dataDirFromEnv: false });
  });

  it('reads data dir, backend URL and demo users', () => {
    const demoUsers = [{ username: 'agent', password: 'demo', displayName: 'Anna Agentin', roles: ['agent'] }];
    const environment = readDeskEnvironment(
      {
        SERVICEDESK_DATA_DIR: 'tmp/desk-e2e',
        SERVICEDESK_BACKEND_URL: 'http://127.0.0.1:8787',
        SERVICEDESK_DEMO_USERS: JSON.stringify(demoUsers),
      },
      USER_DATA,
    );
    expect(environment).toEqual({
      dataDir: resolve('tmp/desk-e2e'),
      dataDirFromEnv: true,
      defaultBackendUrl: 'http://127.0.0.1:8787',
      demoUsers,
    });
  });

  it.each([
    [{ SERVICEDESK_BACKEND_URL: 'file:///etc/passwd' }, /SERVICEDESK_BACKEND_URL/],
    [{ SERVICEDESK_DEMO_USERS: '{not json' }, /kein gültiges JSON/],
    [{ SERVICEDESK_DEMO_USERS: '[{"username":"x"}]' }, /SERVICEDESK_DEMO_USERS muss/],
    [{ SERVICEDESK_DEMO_USERS: '[{"username":"x","password":"y","displayName":"z","roles":["admin"]}]' }, /SERVICEDESK_DEMO_USERS muss/],
  ])('refuses %j', (env, message) => {
    expect(() => readDeskEnvironment(env, USER_DATA)).toThrow(DeskEnvironmentError);
    expect(() => readDeskEnvironment(env, USER_DATA)).toThrow(message);
  });
});
