import type { DeskErrorCode, DeskErrorShape } from '../../shared/contract';

/** An error the user is meant to read: a code for the UI to branch on and a German message. */
export class DeskError extends Error {
  override readonly name = 'DeskError';
  constructor(
    readonly code: DeskErrorCode,
    message: string,
  ) {
    super(message);
  }
  toShape(): DeskErrorShape {
    return { code: this.code, message: this.message };
  }
}

/**
 * Turns anything thrown into the shape that crosses the bridge. Unknown errors get a generic
 * German message: their text may hold personal data (an SQL value, a payload) and must not leak.
 */
export function toDeskErrorShape(error: unknown): DeskErrorShape {
  if (error instanceof DeskError) return error.toShape();
  return { code: 'internal', message: 'Interner Fehler. Bitte erneut versuchen; bleibt er, die IT verständigen.' };
}
