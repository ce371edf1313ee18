// Issue 16's proof in the browser: two workstations (two web hosts, each with its own data
// directory, one backend), two people. The DPO works a case with a note and asks for a
// disclosure on her PC; the supervisor sees it with its justification on her own PC and approves
// it there; the DPO's PC shows the approval and exports. Nobody logs in at the other's PC, so the
// DPO's open case keeps its note throughout.
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_USERS } from '../../backend/demo-users';
import { launchWebHost } from '../../electron/webhost/launch';
import { expect, test } from './fixtures';

async function logIn(page: Page, url: string, who: RegExp, name: string) {
  await page.goto(url);
  await page.getByRole('button', { name: who }).click();
  await expect(page.getByTestId('current-user')).toContainText(name);
  await expect(page.getByTestId('first-sync')).toHaveCount(0, { timeout: 20_000 });
}

test('DPO asks on her PC, the supervisor approves on hers, the DPO exports; the DPO’s open case keeps its note', async ({ page, world, browser }) => {
  test.setTimeout(150_000);
  // The supervisor's own workstation.
  const supervisorDir = mkdtempSync(path.join(os.tmpdir(), 'servicedesk-e2e-supervisor-'));
  const supervisorHost = await launchWebHost({ dataDir: supervisorDir, defaultBackendUrl: world.backend.url, demoUsers: [...DEMO_USERS], syncIntervalMs: 1_000, now: world.clock.now });
  const supervisorContext = await browser.newContext();
  const boss = await supervisorContext.newPage();
  await boss.clock.install({ time: world.clock.now() });
  try {
    // DPO: a case with a note, kept open.
    await logIn(page, world.appUrl, /Dana Datenschutz/, 'Dana Datenschutz');
    const cases = page.getByTestId('officer-cases');
    await cases.locator('tr[data-kind="dpo"]').first().getByRole('button').click();
    const panel = page.getByTestId('officer-case');
    await panel.getByRole('button', { name: 'Übernehmen' }).click();
    await expect(panel.getByTestId('personal-data')).toBeVisible();
    const note = `Identität per Rückruf geprüft ${crypto.randomUUID()}`;
    await panel.getByLabel('Neue Notiz').fill(note);
    await panel.getByRole('button', { name: 'Notiz speichern' }).click();
    await expect(panel.getByTestId('case-notes')).toContainText(note);

    // DPO: a disclosure of one customer's SMS records.
    await page.getByRole('button', { name: 'SMS-Abfrage' }).click();
    await expect.poll(() => someCustomer(world.dataDir), { timeout: 20_000 }).toBeTruthy();
    const customer = someCustomer(world.dataDir)!;
    await page.getByLabel('Kundennummer', { exact: true }).fill(customer);
    await page.getByLabel('Fallnummer').fill('DS-2026-077');
    await page.getByLabel('Zweck der Abfrage').selectOption('criminal_complaint');
    await page.getByLabel('Anlass (Freitext)').fill('Ersuchen der Polizei wegen Betrugs-SMS');
    await page.getByRole('button', { name: 'Abfragen' }).click();
    const results = page.getByTestId('lookup-results');
    await results.getByLabel('Alle auswählen').check();
    await page.getByLabel('Behörde', { exact: true }).fill('Polizeipräsidium Dortmund');
    await page.getByLabel('Aktenzeichen der Behörde').fill('KK 21 – 815/26');
    await page.getByLabel('Rechtsgrundlage').fill('§ 100g StPO i. V. m. Art. 6 Abs. 1 lit. c DSGVO');
    await page.getByRole('button', { name: 'Offenlegung anlegen' }).click();
    const detail = page.getByTestId('disclosure-detail');
    await expect(detail).toHaveAttribute('data-status', 'pending');
    const rowId = (await page.getByTestId('disclosure-register').locator('tbody tr').first().getAttribute('data-testid'))!;

    // Supervisor, on her own PC: the DPO's request with its legal basis; she approves it.
    await logIn(boss, supervisorHost.host.url, /Sina Schichtleitung/, 'Sina Schichtleitung');
    await boss.getByRole('button', { name: 'Offenlegungen' }).click();
    await expect(boss.getByTestId(rowId)).toBeVisible({ timeout: 20_000 });
    await boss.getByTestId(rowId).getByRole('button').click();
    const bossDetail = boss.getByTestId('disclosure-detail');
    await expect(bossDetail).toContainText('Polizeipräsidium Dortmund');
    await expect(bossDetail).toContainText('§ 100g StPO');
    await bossDetail.getByRole('button', { name: 'Freigeben' }).click();
    await expect(bossDetail).toHaveAttribute('data-status', 'approved');

    // DPO's PC: the approval arrives; she exports; her case still has its note.
    await expect(detail).toHaveAttribute('data-status', 'approved', { timeout: 20_000 });
    await detail.getByRole('button', { name: /Exportieren/ }).click();
    await expect(page.getByTestId('export-result')).toBeVisible();
    await page.getByRole('button', { name: 'Vertrauliche Fälle' }).click();
    await page.getByTestId('officer-cases').locator('tr[data-status="claimed"]').first().getByRole('button').click();
    await expect(page.getByTestId('officer-case').getByTestId('case-notes')).toContainText(note);
  } finally {
    await supervisorContext.close();
    await supervisorHost.close();
  }
});

/** A customer number from the DPO's SMS log (the demo always has some), read from her PC's database. */
function someCustomer(dataDir: string): string | undefined {
  const db = new Database(path.join(dataDir, 'servicedesk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('SELECT customer_number AS c FROM sms_log ORDER BY sent_at DESC LIMIT 1').get() as { c: string } | undefined)?.c;
  } finally {
    db.close();
  }
}
