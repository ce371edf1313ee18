// The contract's endpoints (SYNC_API.md) under /api/v1.
import { API_PREFIX } from '../../shared/sync-api';
import { type Route } from '../http/router';
import { claim } from './claim';
import { type ApiDeps } from './deps';
import { readFeed } from './feed';
import { postReceipts } from './receipts';
import { postRequestEvent } from './request-events';
import { openSession } from './session';
import { UUID_SEGMENT } from './validation';

const prefix = API_PREFIX.replace(/\//g, '\\/');

export function apiRoutes(deps: ApiDeps): Route[] {
  return [
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/session$`), handle: (ctx) => openSession(deps, ctx) },
    { method: 'GET', pattern: new RegExp(`^${prefix}\\/feed$`), handle: (ctx) => readFeed(deps, ctx) },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/requests\\/${UUID_SEGMENT}\\/claim$`), handle: (ctx) => claim(deps, ctx) },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/requests\\/${UUID_SEGMENT}\\/events$`), handle: (ctx) => postRequestEvent(deps, ctx) },
    { method: 'POST', pattern: new RegExp(`^${prefix}\\/receipts$`), handle: (ctx) => postReceipts(deps, ctx) },
  ];
}
