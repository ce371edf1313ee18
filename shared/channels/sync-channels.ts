// Synchronisation with the backend and its state.
import { SyncReport, SyncState } from '../views';
import { channel, None } from './channel';

export const syncChannels = {
  'sync.now': channel(None, SyncReport, 'any'),
  'sync.state': channel(None, SyncState, 'any'),
} as const;
