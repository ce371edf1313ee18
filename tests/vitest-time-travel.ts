// Vitest setup: with SERVICEDESK_TEST_NOW set, the test process's Date starts at that instant and
// runs on with real time (timers stay real), so code that reads the system date sees the chosen
// date. Without it, nothing changes.
import { vi } from 'vitest';
import { testStartMs } from './test-clock';

const start = testStartMs();
if (start !== null) vi.useFakeTimers({ now: start, toFake: ['Date'], shouldAdvanceTime: true });
