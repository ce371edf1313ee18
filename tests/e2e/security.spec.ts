// Issue 6, items 1 and 7 in a real Chromium: the web host sends the app's strict CSP, and the
// browser enforces it. Injected inline scripts, inline event handlers, eval and javascript: URLs
// do not run. (Calls without a session: walking-skeleton.spec.ts and web-session.spec.ts.)
import { CONTENT_SECURITY_POLICY } from '../../electron/webhost/security-headers';
import { contentSecurityPolicy } from '../../electron/main/content-security-policy';
import { expect, test } from './fixtures';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

test('the CSP has no unsafe-inline or unsafe-eval, and it is the one Electron sends for scripts', async ({ page, world }) => {
  const response = await page.goto(world.appUrl);
  const header = response?.headers()['content-security-policy'] ?? '';
  expect(header).toBe(CONTENT_SECURITY_POLICY);
  expect(header).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*/);
  const web = directives(header);
  const electron = directives(contentSecurityPolicy({ kind: 'production' }));
  for (const name of ['default-src', 'script-src', 'style-src', 'object-src', 'base-uri', 'frame-ancestors']) {
    expect(web.get(name), name).toEqual(electron.get(name));
  }
});

test('an injected inline script, inline handler, javascript: URL and foreign script are all blocked', async ({ page, world }) => {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (directive: string) => violations.push(directive));
  await page.goto(world.appUrl);
  await expect(page.getByRole('heading', { name: 'Demo-Zugänge' })).toBeVisible();

  const outcome = await page.evaluate(async () => {
    const w = window as unknown as Record<string, unknown> & { reportViolation(d: string): void };
    document.addEventListener('securitypolicyviolation', (e) => w.reportViolation(e.effectiveDirective));
    // 1. A <script> element with inline code, as an XSS through innerHTML/DOM would add it.
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.appendChild(script);
    // 2. Markup with an inline event handler.
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="data:," onerror="window.__handlerRan = true" onload="window.__handlerRan = true">';
    document.body.appendChild(holder);
    // 4. A javascript: link clicked.
    const link = document.createElement('a');
    link.href = 'javascript:window.__linkRan = true';
    document.body.appendChild(link);
    link.click();
    // 5. A script from another origin.
    const foreign = document.createElement('script');
    foreign.src = 'https://example.org/evil.js';
    document.body.appendChild(foreign);
    await new Promise((resolve) => setTimeout(resolve, 500));
    return {
      inlineRan: w.__inlineRan === true,
      handlerRan: w.__handlerRan === true,
      linkRan: w.__linkRan === true,
    };
  });

  expect(outcome).toEqual({ inlineRan: false, handlerRan: false, linkRan: false });
  await expect.poll(() => violations.filter((d) => d.startsWith('script-src')).length).toBeGreaterThanOrEqual(3);
});

test('eval and new Function are refused to the page’s own scripts', async ({ page, world }) => {
  // DevTools evaluation is exempt from CSP, so the probe must be a real same-origin script: the
  // test serves it under the web host's origin (allowed by script-src 'self') and it tries eval.
  await page.route('**/csp-probe.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: `
        try { eval('window.__evalRan = true'); } catch (e) { window.__evalError = e.name; }
        try { new Function('window.__functionRan = true')(); } catch (e) { window.__functionError = e.name; }
        try { setTimeout('window.__timeoutRan = true', 0); } catch (e) { window.__timeoutError = e.name; }
        window.__probeLoaded = true;`,
    }),
  );
  await page.goto(world.appUrl);
  await expect(page.getByRole('heading', { name: 'Demo-Zugänge' })).toBeVisible();
  await page.evaluate(() => {
    const probe = document.createElement('script');
    probe.src = '/csp-probe.js';
    document.body.appendChild(probe);
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as Record<string, unknown>).__probeLoaded)).toBe(true);
  await page.waitForTimeout(200);
  const result = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { evalRan: w.__evalRan, functionRan: w.__functionRan, timeoutRan: w.__timeoutRan, evalError: w.__evalError, functionError: w.__functionError };
  });
  expect(result).toEqual({ evalRan: undefined, functionRan: undefined, timeoutRan: undefined, evalError: 'EvalError', functionError: 'EvalError' });
});
