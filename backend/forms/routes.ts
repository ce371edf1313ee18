// GET /forms/…: the website's pages for the demo and the tests, with a strict CSP (own script
// and style only, API calls to this origin only).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { INTAKE_KINDS, type IntakeKind } from '../../shared/intake';
import { type Reply } from '../http/reply';
import { type Route } from '../http/router';
import { REFERENCE_PATTERN } from '../lifecycle/reference';
import { confirmationPage, FORM_PAGES, formPage, indexPage, noticePage } from './pages';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const FORMS_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const page = (html: string, status = 200): Reply => ({
  status,
  body: null,
  raw: { contentType: 'text/html; charset=utf-8', content: html },
  headers: { 'content-security-policy': FORMS_CSP, 'referrer-policy': 'no-referrer', 'x-frame-options': 'DENY' },
});

export function formRoutes(): Route[] {
  const script = readFileSync(path.join(HERE, 'forms-client.js'), 'utf8');
  const style = readFileSync(path.join(HERE, 'forms.css'), 'utf8');
  const asset = (contentType: string, content: string): Reply => ({ status: 200, body: null, raw: { contentType, content }, headers: { 'content-security-policy': FORMS_CSP } });
  return [
    { method: 'GET', pattern: /^\/forms\/?$/, handle: () => page(indexPage()) },
    { method: 'GET', pattern: /^\/forms\/forms\.js$/, handle: () => asset('text/javascript; charset=utf-8', script) },
    { method: 'GET', pattern: /^\/forms\/forms\.css$/, handle: () => asset('text/css; charset=utf-8', style) },
    { method: 'GET', pattern: /^\/forms\/datenschutzhinweise$/, handle: () => page(noticePage()) },
    {
      method: 'GET',
      pattern: /^\/forms\/danke$/,
      handle: (ctx) => {
        const reference = ctx.query.get('zeichen') ?? '';
        const kind = ctx.query.get('art') ?? '';
        if (!REFERENCE_PATTERN.test(reference) || !(INTAKE_KINDS as readonly string[]).includes(kind)) return page(indexPage(), 404);
        return page(confirmationPage(reference, kind as IntakeKind));
      },
    },
    ...FORM_PAGES.map((p): Route => ({ method: 'GET', pattern: new RegExp(`^\\/forms\\/${p.slug}$`), handle: (ctx) => page(formPage(p, ctx.now)) })),
  ];
}
