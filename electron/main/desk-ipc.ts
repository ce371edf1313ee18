// The IPC side of window.api, derived from the shared channel map: one invoke handler for every
// channel, and core events pushed to the window. Replies are envelopes because Electron keeps
// only the message of an Error thrown across IPC, and the UI needs the code.
import type { z } from 'zod';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/api';
import { contract, type DeskErrorShape, isChannelName } from '../../shared/contract';
import { toNfc } from '../../shared/text';
import { toDeskErrorShape } from '../core/desk-error';
import type { DeskCore } from '../core/host';
import { describeInvalidInput, germanZodErrors } from './invalid-input';
import { type InvokeSender, isTrustedSender } from './trusted-sender';

/** What one `ipcRenderer.invoke(IPC_INVOKE, …)` resolves to; the preload unwraps it. */
export type InvokeReply = { ok: true; value: unknown } | { ok: false; error: DeskErrorShape };

/** The parts of Electron's ipcMain used here. */
export interface DeskIpcMain {
  handle(channel: string, listener: (event: InvokeSender, channel: unknown, input: unknown) => Promise<InvokeReply>): void;
  removeHandler(channel: string): void;
}

/** The parts of the window's WebContents used here. */
export interface DeskWebContents {
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export interface DeskIpcOptions {
  /** The page the window loads; only its top frame may call. */
  appUrl: string;
  /** The main window's WebContents, or null while there is no window. */
  mainWebContents: () => DeskWebContents | null;
}

const refuse = (code: DeskErrorShape['code'], message: string): InvokeReply => ({ ok: false, error: { code, message } });

/** Registers the handler and the event forwarding; returns a function that undoes both. */
export function registerDeskIpc(
  ipcMain: DeskIpcMain,
  core: Pick<DeskCore, 'handle' | 'subscribe'>,
  options: DeskIpcOptions,
): () => void {
  ipcMain.handle(IPC_INVOKE, async (event, channel, input) => {
    if (!isTrustedSender(event, options.mainWebContents(), options.appUrl)) {
      return refuse('forbidden', 'Diese Anfrage kommt nicht aus dem Servicecenter Desk und wurde abgelehnt.');
    }
    if (!isChannelName(channel)) return refuse('invalid_input', 'Unbekannte Anfrage.');
    const schema: z.ZodType = contract[channel].input;
    // NFC first, as the core does: a decomposed text must not be judged (its length) differently here.
    const parsed = schema.safeParse(toNfc(input), { error: germanZodErrors });
    if (!parsed.success) return refuse('invalid_input', describeInvalidInput(parsed.error.issues));
    try {
      return { ok: true, value: await core.handle(channel, parsed.data) };
    } catch (error) {
      return { ok: false, error: toDeskErrorShape(error) };
    }
  });

  const unsubscribe = core.subscribe((event) => {
    const webContents = options.mainWebContents();
    if (webContents && !webContents.isDestroyed()) webContents.send(IPC_EVENT, event);
  });

  return () => {
    unsubscribe();
    ipcMain.removeHandler(IPC_INVOKE);
  };
}
