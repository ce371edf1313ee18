import { describe, expect, it } from 'vitest';
import { deskError } from '../testing/fake-desk-api';
import { isAuthFailure, toDeskFailure } from './desk-error';

describe('toDeskFailure', () => {
  it('keeps the German message of a DeskError', () => {
    expect(toDeskFailure(deskError('invalid_credentials', 'Benutzername oder Passwort falsch'))).toEqual({
      code: 'invalid_credentials',
      message: 'Benutzername oder Passwort falsch',
    });
  });

  it('fills in a German message when the host sent none', () => {
    expect(toDeskFailure(deskError('backend_unreachable', '')).message).toMatch(/nicht erreichbar/);
  });

  it('never shows the text of an unknown error', () => {
    const failure = toDeskFailure(new TypeError('Cannot read properties of undefined (reading "name")'));
    expect(failure.code).toBe('internal');
    expect(failure.message).not.toMatch(/Cannot read/);
    expect(toDeskFailure({ code: 'made_up', message: 'x' }).code).toBe('internal');
    expect(toDeskFailure(undefined).code).toBe('internal');
  });

  it('knows which failures end the session', () => {
    expect(isAuthFailure({ code: 'session_expired', message: '' })).toBe(true);
    expect(isAuthFailure({ code: 'not_logged_in', message: '' })).toBe(true);
    expect(isAuthFailure({ code: 'forbidden', message: '' })).toBe(false);
  });
});
