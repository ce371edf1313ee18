// The building block of the contract: one channel's input schema, output schema and who may call it.
import { z } from 'zod';
import type { Role } from '../domain';
import { Uuid } from '../wire';

// Validation messages reach German users, from every host: zod's built-in German locale.
z.config(z.locales.de());

/** `public`: callable before login; `any`: any logged-in user; else one of the listed roles. */
export type Access = 'public' | 'any' | readonly Role[];

export interface Channel<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  access: Access;
}

export const channel = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, access: Access): Channel<I, O> => ({
  input,
  output,
  access,
});

export const WORKERS = ['agent', 'dpo', 'equality'] as const satisfies readonly Role[];
export const EVERYONE = ['agent', 'dpo', 'equality', 'supervisor'] as const satisfies readonly Role[];
export const None = z.object({}).strict();
export const RequestRef = z.object({ requestId: Uuid }).strict();
