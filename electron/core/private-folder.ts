// Folders that hold personal data are the user's alone (mode 0700), also when they existed
// before with looser rights (an older version, a hand-made folder, Electron's userData): the
// mode given to mkdir applies only to folders it creates, so it is set again on every open.
import { chmodSync, mkdirSync, statSync } from 'node:fs';

export class FolderNotPrivateError extends Error {
  override readonly name = 'FolderNotPrivateError';
  constructor(readonly folder: string) {
    super(
      `Der Ordner ${folder} ist für andere Benutzer zugänglich und lässt sich nicht auf „nur Eigentümer“ (0700) einschränken. ` +
        'Bitte Eigentümer und Rechte des Ordners prüfen; er wird so nicht verwendet.',
    );
  }
}

/** Creates `folder` (and parents) or tightens an existing one to 0700; refuses one it cannot tighten. */
export function ensurePrivateFolder(folder: string): void {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  // Windows has ACLs, not mode bits; the user profile's folders are private there already.
  if (process.platform === 'win32') return;
  try {
    chmodSync(folder, 0o700);
  } catch {
    throw new FolderNotPrivateError(folder);
  }
  if ((statSync(folder).mode & 0o077) !== 0) throw new FolderNotPrivateError(folder);
}
