import { describe, expect, it } from 'vitest';
import { FEED_EVENT_TYPES } from '../../shared/sync-api';
import { adminRoutes } from '../admin/routes';
import { apiRoutes } from '../api/routes';
import { type ApiDeps } from '../api/deps';
import { type Route } from '../http/router';
import { openApiRoute } from './route';
import { openApiDocument, operations } from './document';
import { call, startTestBackend } from '../test-support';

/** The route table's patterns as OpenAPI paths: the UUID group becomes {id}. */
function pathOf(route: Route): string {
  return route.pattern.source
    .replace(/^\^|\$$/g, '')
    .replace(/\(\[0-9a-fA-F\]\{8\}[^)]*\)/g, '{id}')
    .replace(/\\\//g, '/')
    .replace(/\\\./g, '.');
}

describe('OpenAPI document', () => {
  it('has every route of the backend with its method, and nothing the backend does not serve', () => {
    const routes = [...apiRoutes({} as ApiDeps), openApiRoute(), ...adminRoutes({} as never, { token: 'x', hosts: [] })];
    const served = routes.map((r) => `${r.method.toLowerCase()} ${pathOf(r)}`).sort();
    const documented = operations().map((o) => `${o.method} ${o.path}`).sort();
    expect(documented).toEqual(served);
  });

  it('is OpenAPI 3.1 whose FeedEvent schema names every event type of the contract', () => {
    const doc = openApiDocument() as { openapi: string; components: { schemas: { FeedEvent: unknown } } };
    expect(doc.openapi).toBe('3.1.0');
    const text = JSON.stringify(doc.components.schemas.FeedEvent);
    for (const type of FEED_EVENT_TYPES) expect(text, type).toContain(`"${type}"`);
  });

  it('is served at /api/v1/openapi.json', async () => {
    const { backend } = await startTestBackend({ demo: false });
    try {
      const answer = await call(backend.url, 'GET', '/api/v1/openapi.json');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(JSON.parse(JSON.stringify(openApiDocument())));
    } finally {
      await backend.close();
    }
  });
});
