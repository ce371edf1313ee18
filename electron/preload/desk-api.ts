// window.api over IPC: forwards every call to main and unwraps main's reply envelope. No logic
// beyond that; main validates the input and the core checks roles.
import type { IpcRenderer, IpcRendererEvent } from 'electron';
import { type DeskApi, DESK_ERROR_NAME, IPC_EVENT, IPC_INVOKE } from '../../shared/api';
import type { ChannelName, ChannelOutput, DeskErrorShape, DeskEvent } from '../../shared/contract';

/** Main's reply to IPC_INVOKE (see electron/main/desk-ipc.ts). */
type InvokeReply = { ok: true; value: unknown } | { ok: false; error: DeskErrorShape };

/**
 * What invoke rejects with. A plain object, not an Error: contextBridge copies an Error into the
 * page as a bare `Error(message)` and drops `name` and `code`, while a plain object arrives whole.
 */
export type DeskErrorRejection = Readonly<DeskErrorShape & { name: typeof DESK_ERROR_NAME }>;

function unwrap(reply: InvokeReply): unknown {
  if (reply.ok) return reply.value;
  const rejection: DeskErrorRejection = { name: DESK_ERROR_NAME, code: reply.error.code, message: reply.error.message };
  throw rejection;
}

export function createDeskApi(ipcRenderer: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): DeskApi {
  return {
    invoke: async <K extends ChannelName>(channel: K, input: unknown) =>
      unwrap((await ipcRenderer.invoke(IPC_INVOKE, channel, input)) as InvokeReply) as ChannelOutput<K>,
    subscribe: (listener) => {
      // Hand the page only the event, never the IpcRendererEvent (it would expose ipcRenderer).
      const forward = (_event: IpcRendererEvent, deskEvent: DeskEvent): void => listener(deskEvent);
      ipcRenderer.on(IPC_EVENT, forward);
      return () => {
        ipcRenderer.removeListener(IPC_EVENT, forward);
      };
    },
  } satisfies DeskApi;
}
