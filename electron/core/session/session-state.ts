// Who is logged in on this workstation, and the workstation's own stable id.
import { randomUUID } from 'node:crypto';
import { SessionInfo } from '../../../shared/views';
import type { DeskDb } from '../db/open';
import { readState, STATE_KEYS, writeState } from '../db/state';

export function workstationId(db: DeskDb): string {
  let id = readState(db, STATE_KEYS.workstation);
  if (!id) {
    id = randomUUID();
    writeState(db, STATE_KEYS.workstation, id);
  }
  return id;
}

/** A new id for this workstation: its old one is registered at the backend with a secret that was lost here. */
export function renewWorkstationId(db: DeskDb): string {
  const id = randomUUID();
  writeState(db, STATE_KEYS.workstation, id);
  return id;
}

export function readSession(db: DeskDb): SessionInfo | null {
  const raw = readState(db, STATE_KEYS.session);
  if (!raw) return null;
  const parsed = SessionInfo.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

export function writeSession(db: DeskDb, session: SessionInfo | null): void {
  writeState(db, STATE_KEYS.session, session ? JSON.stringify(session) : null);
}
