// GET /api/v1/openapi.json: the document, built once.
import { ok } from '../http/reply';
import { type Route } from '../http/router';
import { openApiDocument } from './document';

export function openApiRoute(): Route {
  let document: unknown = null;
  return {
    method: 'GET',
    pattern: /^\/api\/v1\/openapi\.json$/,
    handle: () => ok((document ??= openApiDocument())),
  };
}
