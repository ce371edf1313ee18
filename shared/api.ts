// The type of window.api, derived from the contract. Both hosts implement exactly this.
import type { ChannelInput, ChannelName, ChannelOutput, DeskEvent } from './contract';


export interface DeskApi {
  invoke: <K extends ChannelName>(channel: K, input: ChannelInput<K>) => Promise<ChannelOutput<K>>;
  /** Subscribe to host events; returns the unsubscribe function. */
  subscribe: (listener: (event: DeskEvent) => void) => () => void;
}

/** Error thrown by window.api.invoke: `code` from DESK_ERROR_CODES, `message` in German. */
export const DESK_ERROR_NAME = 'DeskError';

export const IPC_INVOKE = 'desk:invoke';
export const IPC_EVENT = 'desk:event';
