import type { sessionChannels } from '../../../shared/channels/session-channels';
import type { DeskContext } from '../desk-context';
import { login, revokeAtBackend } from '../session/login';
import type { PublicHandlersFor } from './handler-types';

export function sessionHandlers(ctx: DeskContext): PublicHandlersFor<typeof sessionChannels> {
  return {
    'app.config': () => ({
      defaultBackendUrl: ctx.options.defaultBackendUrl ?? 'http://127.0.0.1:8787',
      demoUsers: ctx.options.demoUsers ?? [],
      host: ctx.options.host === 'electron' ? 'electron' : 'web',
    }),
    'session.current': (_input, caller) => caller?.session ?? null,
    'session.login': async (input) => {
      const { session, token } = await login(ctx.db, ctx.clock, input, { fetch: ctx.options.fetch, secrets: ctx.secrets });
      ctx.tokens.save(token);
      ctx.emit('session', 'queue', 'sync');
      return session;
    },
    'session.logout': async (_input, caller) => {
      // The backend refuses the token from now on; unreachable, it still ends here and expires there.
      if (caller) await revokeAtBackend(ctx, caller);
      ctx.tokens.clear();
      ctx.emit('session');
      return null;
    },
  };
}
