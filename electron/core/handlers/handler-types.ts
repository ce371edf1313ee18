// What a handler gets: its parsed input and the caller. The caller is null only on `public`
// channels; the desk checks access before a handler runs.
import type { z } from 'zod';
import type { Channel } from '../../../shared/contract';
import type { SessionInfo } from '../../../shared/views';

export interface Caller {
  session: SessionInfo;
  token: string;
}

type AnyChannels = Record<string, Channel<z.ZodType, z.ZodType>>;

export type HandlersFor<C extends AnyChannels> = {
  [K in keyof C]: (input: z.output<C[K]['input']>, caller: Caller) => z.output<C[K]['output']> | Promise<z.output<C[K]['output']>>;
};

/** For `public` channels: the caller may be absent. */
export type PublicHandlersFor<C extends AnyChannels> = {
  [K in keyof C]: (input: z.output<C[K]['input']>, caller: Caller | null) => z.output<C[K]['output']> | Promise<z.output<C[K]['output']>>;
};
