// HTTP to the web backend (SYNC_API.md). Retries what the contract says to retry (429, 503,
// any 5xx, broken connections) with backoff; hands every other answer back to the caller.
import { API_PREFIX, ApiError } from '../../../shared/sync-api';
import { parseJsonInNfc } from '../../../shared/text';
import { DEFAULT_RETRY, isRetryableStatus, retryDelayMs, type RetryPolicy } from './retry-policy';

export interface BackendAnswer {
  status: number;
  body: unknown;
}

export class BackendUnreachableError extends Error {
  override readonly name = 'BackendUnreachableError';
  constructor(readonly lastProblem: string) {
    super(`Backend nicht erreichbar (${lastProblem}).`);
  }
}

export interface BackendClientOptions {
  baseUrl: string;
  token?: string | null;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  retry?: RetryPolicy;
  timeoutMs?: number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class BackendClient {
  private readonly fetchImpl: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  readonly baseUrl: string;

  constructor(private readonly options: BackendClientOptions) {
    this.fetchImpl = options.fetch ?? fetch;
    this.sleep = options.sleep ?? defaultSleep;
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  async call(method: 'GET' | 'POST' | 'DELETE', path: string, body?: unknown, retry: RetryPolicy = this.options.retry ?? DEFAULT_RETRY): Promise<BackendAnswer> {
    let lastProblem = 'keine Antwort';
    for (let tries = 1; tries <= retry.maxTries; tries++) {
      let retryAfter: string | null = null;
      try {
        const response = await this.fetchImpl(`${this.baseUrl}${API_PREFIX}${path}`, {
          method,
          headers: {
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            ...(this.options.token ? { authorization: `Bearer ${this.options.token}` } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.options.timeoutMs ?? 15_000),
        });
        const parsed = await readJson(response);
        if (!isRetryableStatus(response.status)) return { status: response.status, body: parsed };
        retryAfter = response.headers.get('retry-after');
        lastProblem = `HTTP ${response.status}`;
      } catch (error) {
        lastProblem = describeNetworkError(error);
      }
      if (tries < retry.maxTries) await this.sleep(retryDelayMs(retry, tries, retryAfter));
    }
    throw new BackendUnreachableError(lastProblem);
  }
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return null;
  try {
    // Names, subjects and messages from the website may come decomposed: stored and compared in NFC.
    return parseJsonInNfc(text);
  } catch {
    return null;
  }
}

function describeNetworkError(error: unknown): string {
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) return 'Zeitüberschreitung';
  return 'Verbindung fehlgeschlagen';
}

/** The error code of a backend error body, or null when the body is not one. */
export function apiErrorCode(body: unknown): string | null {
  const parsed = ApiError.safeParse(body);
  return parsed.success ? parsed.data.error : null;
}
