// Issue 15 in Chromium: the data-protection officer looks up a customer in the portal access log
// (synced from the backend's portal.logged events): failed logins, addresses, records; the lookup
// is audited with its case reference and purpose, never the customer number in clear.
import Database from 'better-sqlite3';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type DeskWorld } from './fixtures';

test.use({ viewport: { width: 1280, height: 800 } });

/**
 * A customer whose portal records reached this workstation (the demo logs portal access), with the
 * records a lookup reaches: 90 days of 24 hours back (the sweep's cut is 90 Berlin calendar days,
 * which differs by the hour a clock change in between adds or takes).
 */
function portalCustomer(world: DeskWorld): { customer: string; records: number } | undefined {
  const db = new Database(path.join(world.dataDir, 'servicedesk.sqlite'), { readonly: true, fileMustExist: true });
  const windowStart = new Date(world.clock.now().getTime() - 90 * 86_400_000).toISOString();
  try {
    return db.prepare('SELECT customer_number AS customer, count(*) AS records FROM portal_log WHERE at >= ? GROUP BY customer_number ORDER BY records DESC LIMIT 1').get(windowStart) as
      | { customer: string; records: number }
      | undefined;
  } finally {
    db.close();
  }
}

function auditDetails(world: DeskWorld, action: string): string[] {
  const db = new Database(path.join(world.dataDir, 'servicedesk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT subject, details FROM audit_log WHERE action = ?').all(action) as { subject: string; details: string }[]).map((r) => `${r.subject} ${r.details}`);
  } finally {
    db.close();
  }
}

test('DPO: portal access log by customer, with failed logins, addresses and records; audited without the customer number', async ({ page, world }) => {
  test.setTimeout(90_000);
  await page.goto(world.appUrl);
  await page.getByRole('button', { name: /Dana Datenschutz/ }).click();
  await expect(page.getByTestId('first-sync')).toHaveCount(0, { timeout: 20_000 });
  await expect.poll(() => portalCustomer(world)?.records ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
  const { customer, records } = portalCustomer(world)!;

  await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('button', { name: 'Portal-Abfrage' }).click();
  await expect(page.getByRole('heading', { name: 'Portal-Protokoll: Missbrauchsabfrage' })).toBeVisible();
  // Without a case reference and purpose nothing is looked up.
  await page.getByLabel('Kundennummer', { exact: true }).fill(customer);
  await page.getByRole('button', { name: 'Abfragen' }).click();
  await expect(page.getByTestId('lookup-case-error')).toContainText('Fallnummer');
  await expect(page.getByTestId('portal-results')).toHaveCount(0);

  await page.getByLabel('Fallnummer').fill('DS-2026-44');
  await page.getByLabel('Zweck der Abfrage').selectOption('internal_abuse');
  await page.getByLabel('Anlass (Freitext)').fill('Kundin meldet fremde Anmeldungen');
  await page.getByRole('button', { name: 'Abfragen' }).click();
  const results = page.getByTestId('portal-results');
  await expect(results.getByTestId('portal-summary')).toContainText(`${records} Zugriff`);
  await expect(results.getByTestId('portal-failed-logins')).toBeVisible();
  await expect(results.getByTestId('portal-shared-addresses')).toBeVisible();
  await expect(results.getByTestId('portal-records').locator('tbody tr').first()).toContainText(customer);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);

  const audited = auditDetails(world, 'portal.lookup');
  expect(audited).toHaveLength(1);
  expect(audited[0]).toContain('DS-2026-44');
  expect(audited[0]).not.toContain(customer);
});
