// The only links that may leave the app: phone numbers (agents call back) and e-mail addresses.
// Everything else could carry personal data to a browser or run a protocol handler.
const EXTERNAL_PROTOCOLS = new Set(['tel:', 'mailto:']);

export function isAllowedExternalUrl(url: string): boolean {
  try {
    return EXTERNAL_PROTOCOLS.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
