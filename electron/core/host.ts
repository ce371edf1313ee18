// What a host (Electron main, the web host, the CLI) gets from the core. Hosts stay thin:
// they pass raw input to `handle`, which validates it with the contract and checks roles.
import type { DeskEvent } from '../../shared/contract';
import type { DemoUser } from '../../shared/views';

export interface DeskCore {
  /** Validates `channel` and `input` against the contract, checks the caller's roles, runs it. Throws DeskError. */
  handle(channel: string, input: unknown): Promise<unknown>;
  subscribe(listener: (event: DeskEvent) => void): () => void;
  /** Starts the background sync loop and the retention scheduler. */
  start(): void;
  close(): Promise<void>;
}

/** Where the backend session token lives: safeStorage in Electron, a 0600 file elsewhere. */
export interface TokenStore {
  load(): string | null;
  save(token: string): void;
  clear(): void;
}

/** How often a running app pulls the feed and sends its outbox in the background. */
export const BACKGROUND_SYNC_MS = 5_000;

export interface DeskOptions {
  dataDir: string;
  host: 'electron' | 'web' | 'cli';
  tokenStore?: TokenStore;
  /** Where the workstation's secret from the backend lives (issue 14): safeStorage in Electron, else `workstation.secret` (0600) in dataDir. */
  workstationSecretStore?: TokenStore;
  defaultBackendUrl?: string;
  demoUsers?: DemoUser[];
  now?: () => Date;
  fetch?: typeof fetch;
  /** Background sync interval; 0 disables the loop (CLI, tests). */
  syncIntervalMs?: number;
  /** Wait for news at the backend (long poll) once started; on unless false. */
  feedWatch?: boolean;
}
