// Test-only setting for spawned backends: SERVICEDESK_TEST_NOW=<RFC 3339 instant> starts the
// backend's clock at that instant (it runs on with real time). Without it, the system clock.
export function testClockFromEnv(env: NodeJS.ProcessEnv): (() => Date) | undefined {
  const raw = env.SERVICEDESK_TEST_NOW;
  if (!raw) return undefined;
  const start = Date.parse(raw);
  if (Number.isNaN(start)) throw new Error(`SERVICEDESK_TEST_NOW="${raw}" is not an RFC 3339 instant`);
  const offset = start - Date.now();
  return () => new Date(Date.now() + offset);
}
