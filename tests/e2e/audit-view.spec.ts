// Issue 6, item 5 in Chromium: a supervisor opens the Prüfprotokoll, sees the login entries and
// the intact chain, filters by action, period and user, and exports the log as CSV: the file has
// the header and the entries, but none of the personal data the audited actions were about. An
// entry edited in the database shows as "Kette beschädigt ab Eintrag N".
import Database from 'better-sqlite3';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { berlinDate, expect, test } from './fixtures';
import { TIME_SENSITIVE } from '../time-sensitive';

const MARKERS = { customerNumber: '90817263', purpose: 'Beschwerde von Erika Mustermann' };

test('supervisor filters the Prüfprotokoll, sees the chain intact and exports it without personal data', { tag: TIME_SENSITIVE }, async ({ page, world }) => {
  await page.goto(world.appUrl);
  await page.getByRole('button', { name: /Sina Schichtleitung/ }).click();
  await expect(page.getByTestId('current-user')).toContainText('Sina Schichtleitung');
  // Lookups are refused until the first sync after login is in (never an answer from a partial copy).
  await expect(page.getByTestId('deletion-dashboard')).toBeVisible({ timeout: 20_000 });
  // An SMS lookup with marker values, straight over the bridge: the log may keep only keyed hashes of them.
  await page.evaluate(
    (markers) => (window as unknown as { api: { invoke(c: string, i: unknown): Promise<unknown> } }).api.invoke('sms.lookup', { ...markers, caseRef: 'AZ-2026-77' }),
    MARKERS,
  );

  await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('button', { name: 'Prüfprotokoll' }).click();
  const panel = page.getByTestId('audit-panel');
  await expect(panel.getByTestId('audit-chain')).toContainText('Kette intakt');
  const logins = panel.locator('tr[data-action="login"]');
  await expect(logins.first()).toContainText('Anmeldung');
  await expect(panel.locator('tr[data-action="sms.lookup"]')).toContainText('SMS-Abfrage');
  await expect(panel).not.toContainText(MARKERS.customerNumber);
  await expect(panel).not.toContainText('Mustermann');

  // Aktion: only logins remain.
  await panel.getByLabel('Aktion').selectOption({ label: 'Anmeldung' });
  await panel.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(panel.locator('tr[data-action="sms.lookup"]')).toHaveCount(0);
  await expect(logins.first()).toBeVisible();
  expect(await panel.locator('tbody tr:not([data-action="login"])').count()).toBe(0);

  // Zeitraum today (Berlin, typed as TT.MM.JJJJ) and Benutzer by name: the supervisor's login stays.
  const today = berlinDate(world.clock).split('-').reverse().join('.');
  const actorCell = logins.first().locator('td').nth(2);
  await expect(actorCell).toContainText('Sina Schichtleitung');
  const actor = (await actorCell.locator('.muted').innerText()).replace(/[()]/g, '').trim();
  await panel.getByLabel('Zeitraum von').fill(today);
  await panel.getByLabel('bis', { exact: true }).fill(today);
  await panel.getByLabel('Benutzer').fill('schichtleitung');
  await panel.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(logins.first()).toBeVisible();
  await panel.getByLabel('Benutzer').fill('niemand');
  await panel.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(panel.getByTestId('audit-empty')).toBeVisible();

  // Export everything as CSV: downloaded, also written into the data directory, audited itself.
  await panel.getByRole('button', { name: 'Filter zurücksetzen' }).click();
  await expect(panel.locator('tr[data-action="sms.lookup"]')).toHaveCount(1);
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Als CSV exportieren' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^pruefprotokoll-anfang_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv.startsWith('\uFEFFnr;zeitpunkt_berlin;benutzer;aktion;gegenstand;details;zeitpunkt_utc;aktion_gespeichert;details_gespeichert;hash\r\n')).toBe(true);
  // German action names and details first, the stored form after them (for recomputing hashes).
  expect(csv).toContain(`;${actor};Anmeldung;`);
  expect(csv).toContain(';SMS-Abfrage;AZ-2026-77;');
  expect(csv).toMatch(/;sms\.lookup;"\{/);
  for (const text of [MARKERS.customerNumber, 'Mustermann', 'Sina Schichtleitung']) expect(csv).not.toContain(text);
  const saved = path.join(world.dataDir, 'exports', download.suggestedFilename());
  expect(existsSync(saved) && readFileSync(saved, 'utf8')).toBe(csv);
  await expect(panel.locator('tbody tr').first()).toHaveAttribute('data-action', 'audit.export');
  await expect(panel.locator('tbody tr').first()).toContainText('Export Prüfprotokoll');
  await expect(panel.getByTestId('audit-chain')).toContainText('Kette intakt');
});

test('an entry edited in the database shows as a broken chain, naming the entry', async ({ page, world }) => {
  await page.goto(world.appUrl);
  await page.getByRole('button', { name: /Sina Schichtleitung/ }).click();
  await page.getByRole('navigation', { name: 'Bereiche' }).getByRole('button', { name: 'Prüfprotokoll' }).click();
  const panel = page.getByTestId('audit-panel');
  await expect(panel.getByTestId('audit-chain')).toContainText('Kette intakt');

  // Someone with access to the file rewrites the first entry behind the app's back.
  const db = new Database(path.join(world.dataDir, 'servicedesk.sqlite'), { fileMustExist: true });
  try {
    db.prepare(`UPDATE audit_log SET actor = 'jemand-anders' WHERE seq = 1`).run();
  } finally {
    db.close();
  }
  await panel.getByRole('button', { name: 'Anzeigen' }).click();
  await expect(panel.getByTestId('audit-chain')).toHaveText('Kette beschädigt ab Eintrag 1: Inhalt verändert');
  // The view shows what is stored, the edit included.
  await expect(panel.getByTestId('audit-row-1')).toContainText('jemand-anders');
});
