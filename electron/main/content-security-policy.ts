// The renderer's Content-Security-Policy, in one place: main sends it as a response header and
// electron.vite.config.ts writes it into the built index.html as a <meta> tag, because Electron
// has not always run webRequest header hooks for file:// pages. Two deliveries, one source.

/** Directives for the packaged app: only our own files, no inline or eval'd code, no plugins. */
const PRODUCTION_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // React's `style={{…}}` props go through the CSSOM, which style-src does not restrict.
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Directives a <meta> policy may not carry; browsers ignore them there and log a warning. */
const HEADER_ONLY = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

export type CspMode = { kind: 'production' } | { kind: 'dev-server'; origin: string };

function serialize(directives: Readonly<Record<string, readonly string[]>>, skip?: Set<string>): string {
  return Object.entries(directives)
    .filter(([name]) => !skip?.has(name))
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/**
 * The policy for the main window. The dev-server variant is only for `electron-vite dev` from a
 * source checkout: Vite's hot reload needs an inline module script (React refresh preamble),
 * injected <style> tags and a websocket. The packaged app never uses it.
 */
export function contentSecurityPolicy(mode: CspMode): string {
  if (mode.kind === 'production') return serialize(PRODUCTION_DIRECTIVES);
  const websocket = mode.origin.replace(/^http/, 'ws');
  return serialize({
    ...PRODUCTION_DIRECTIVES,
    'script-src': ["'self'", "'unsafe-inline'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'connect-src': ["'self'", websocket],
  });
}

/** The production policy as it may appear in a <meta http-equiv> tag. */
export function contentSecurityPolicyForMetaTag(): string {
  return serialize(PRODUCTION_DIRECTIVES, HEADER_ONLY);
}
