/** The core never reads the system clock directly: tests pass a fake one. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
export const iso = (clock: Clock): string => clock().toISOString();
