// Issue 5 in a real Chromium against the web host and the reference backend: the DPO works a
// confidential case (its note is gone from disk after closing), looks up a customer over quota
// on a shared address, opens a disclosure; a supervisor approves it (at the backend); the DPO
// exports it on her workstation; the files match their manifest. An agent sees none of it, and a forged lookup from the agent's session is refused.
import Database from 'better-sqlite3';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { filesBelow, scanFiles } from '../../electron/core/retention/raw-scan';
import { pdfText } from '../../electron/core/test-support/pdf-text';
import { berlinDate, expect, test, type DeskWorld } from './fixtures';
import { TIME_SENSITIVE } from '../time-sensitive';
import { claimDpoCase, loginAs } from './officer-steps';

/** A customer over the free quota on some day who also sent from an address other customers used (built into the demo data). */
function overQuotaCustomerOnSharedIp(world: DeskWorld): string | undefined {
  const db = new Database(path.join(world.dataDir, 'servicedesk.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const row = db
      .prepare(
        `SELECT s.customer_number AS c FROM sms_log s
         WHERE s.ip IN (SELECT ip FROM sms_log GROUP BY ip HAVING count(DISTINCT customer_number) > 1)
           AND s.customer_number IN (SELECT customer_number FROM sms_log GROUP BY customer_number, date(sent_at, '+1 hour') HAVING count(*) > 5)
         LIMIT 1`,
      )
      .get() as { c: string } | undefined;
    return row?.c;
  } finally {
    db.close();
  }
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

test('DPO: confidential case with a note purged on close; lookup, disclosure, supervisor approval, export matching its manifest', { tag: TIME_SENSITIVE }, async ({ page, world }) => {
  test.setTimeout(120_000);
  await page.goto(world.appUrl);
  await loginAs(page, /Dana Datenschutz/, 'Dana Datenschutz');

  // Confidential case: claim, read as text, note, close without retention → note gone from disk.
  const cases = page.getByTestId('officer-cases');
  await expect(cases.locator('tr[data-kind="dpo"]').first()).toBeVisible();
  expect(await cases.locator('tr[data-kind="equality"]').count()).toBe(0);
  const { panel } = await claimDpoCase(page);
  const marker = `Notiz-${randomUUID()}`;
  await panel.getByLabel('Neue Notiz').fill(`Rückruf vereinbart ${marker}`);
  await panel.getByRole('button', { name: 'Notiz speichern' }).click();
  await expect(panel.getByTestId('case-notes')).toContainText(marker);
  await panel.getByLabel('Abschlussergebnis').selectOption('resolved');
  await panel.getByRole('button', { name: 'Abschließen' }).click();
  // Nothing is purged during the undo time; then the close goes out.
  await expect(page.getByTestId('undo-close')).toContainText('Fall wird als „Erledigt“ abgeschlossen');
  await expect(panel.getByTestId('case-notes')).toContainText(marker);
  await expect(panel.getByTestId('personal-data')).toHaveCount(0, { timeout: 15_000 });
  await expect(page.locator('body')).not.toContainText(marker);
  expect(scanFiles(filesBelow(world.dataDir), [marker])).toEqual([]);

  // Lookup by customer number: over-quota days and a shared address.
  await expect.poll(() => overQuotaCustomerOnSharedIp(world), { timeout: 20_000 }).toBeTruthy();
  const customer = overQuotaCustomerOnSharedIp(world)!;
  await page.getByRole('button', { name: 'SMS-Abfrage' }).click();
  await page.getByLabel('Kundennummer', { exact: true }).fill(customer);
  await page.getByLabel('Fallnummer').fill('DS-2026-042');
  await page.getByLabel('Zweck der Abfrage').selectOption('criminal_complaint');
  await page.getByLabel('Anlass (Freitext)').fill('Strafanzeige wegen beleidigender SMS');
  await page.getByRole('button', { name: 'Abfragen' }).click();
  const results = page.getByTestId('lookup-results');
  await expect(results).toBeVisible();
  expect(Number(await results.getByTestId('days-over-quota').innerText())).toBeGreaterThan(0);
  await expect(results.getByTestId('per-day').locator('tr[data-over-quota="true"]').first()).toBeVisible();
  await expect(results.getByTestId('ip-usage').locator('tr[data-shared="true"]').first()).toBeVisible();
  await expect(results.getByTestId('sms-timeline').locator('svg')).toBeVisible();

  // Disclosure of all found records.
  await results.getByLabel('Alle auswählen').check();
  await page.getByLabel('Behörde', { exact: true }).fill('Polizeipräsidium Bochum');
  await page.getByLabel('Aktenzeichen der Behörde').fill('KK 11 – 4711/26');
  await page.getByLabel('Rechtsgrundlage').fill('§ 100g StPO i. V. m. Art. 6 Abs. 1 lit. c DSGVO');
  await page.getByRole('button', { name: 'Offenlegung anlegen' }).click();
  const detail = page.getByTestId('disclosure-detail');
  await expect(detail).toHaveAttribute('data-status', 'pending');
  await expect(detail.getByRole('button', { name: 'Freigeben' })).toHaveCount(0);
  const rowId = (await page.getByTestId('disclosure-register').locator('tbody tr').first().getAttribute('data-testid'))!;
  const disclosureId = rowId.replace('disclosure-', '');

  // The supervisor approves (on the same workstation here; across workstations: disclosures.integration.test.ts).
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await loginAs(page, /Sina Schichtleitung/, 'Sina Schichtleitung');
  // Supervisors never see confidential cases.
  await expect(page.getByRole('button', { name: 'Vertrauliche Fälle' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Offenlegungen' }).click();
  await page.getByTestId(rowId).getByRole('button').click();
  await detail.getByRole('button', { name: 'Freigeben' }).click();
  await expect(detail).toHaveAttribute('data-status', 'approved');
  await expect(page.getByTestId(rowId)).toContainText('Sina Schichtleitung');
  // Back as the DPO: she exports the approved package from her workstation's copy of the log (issue 16).
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await loginAs(page, /Dana Datenschutz/, 'Dana Datenschutz');
  await page.getByRole('button', { name: 'Offenlegungen' }).click();
  await page.getByTestId(rowId).getByRole('button').click();
  await expect(detail).toHaveAttribute('data-status', 'approved');
  // The SMS log is re-synced for the returning user; export once its records are back.
  await expect(async () => {
    await detail.getByRole('button', { name: /Exportieren/ }).click();
    await expect(page.getByTestId('export-result')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(page.getByTestId('export-end').first()).toContainText('30 Tage nach dem ersten Export');
  const dir = path.join(world.dataDir, 'exports', disclosureId);
  await expect(page.getByTestId('export-dir')).toHaveText(dir);
  const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as { files: { name: string; sha256: string }[]; approvedBy: string };
  expect(manifest.approvedBy).toBe('Sina Schichtleitung');
  expect(manifest.files.map((f) => f.name).sort()).toEqual(['disclosure.csv', 'disclosure.json', 'disclosure.pdf']);
  for (const file of manifest.files) {
    expect(existsSync(path.join(dir, file.name))).toBe(true);
    expect(sha256(path.join(dir, file.name))).toBe(file.sha256);
  }
  await expect(page.getByTestId('manifest-sha256')).toHaveText(sha256(path.join(dir, 'manifest.json')));
  expect(readFileSync(path.join(dir, 'disclosure.csv'), 'utf8')).toContain(customer);
  // The letter as the authority's reader extracts it: umlauts and the dash as typed, German date.
  const letter = (await pdfText(readFileSync(path.join(dir, 'disclosure.pdf')))).join('\n');
  for (const text of ['Stadtwerke Servicecenter', 'Polizeipräsidium Bochum', 'Ihr Zeichen: KK 11 – 4711/26', 'Unterschrift', customer]) expect(letter).toContain(text);
  expect(letter).not.toMatch(/\d{4}-\d{2}-\d{2}/);

  // The approved records get a legal hold request (a supervisor confirms it later, on any workstation).
  const until = berlinDate(world.clock, 60);
  // The desk's own German date entry (TT.MM.JJJJ), not the browser's date picker.
  await detail.getByLabel('Sichern bis (höchstens 180 Tage)').fill(until.split('-').reverse().join('.'));
  await detail.getByLabel('Begründung der Sicherung').fill('Ermittlungsverfahren läuft');
  await expect(async () => {
    await detail.getByRole('button', { name: 'Sicherung beantragen' }).click();
    await expect(detail.getByTestId('hold-requested')).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
});

test('an agent sees no officer case and no lookup; forged officer calls from the agent session are refused', async ({ page, world }) => {
  await page.goto(world.appUrl);
  await loginAs(page, /Anna Agentin/, 'Anna Agentin');
  await expect(page.locator('[data-testid^="queue-row-"]').first()).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Beauftragte' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'SMS-Abfrage' })).toHaveCount(0);
  await expect(page.locator('[data-testid^="queue-row-"][data-kind="dpo"], [data-testid^="queue-row-"][data-kind="equality"]')).toHaveCount(0);
  await expect(page.getByText('Datenschutzanfrage')).toHaveCount(0);

  const refusals = await page.evaluate(async () => {
    const api = (window as unknown as { api: { invoke(channel: string, input: unknown): Promise<unknown> } }).api;
    const attempt = async (channel: string, input: unknown) => {
      try {
        await api.invoke(channel, input);
        return 'allowed';
      } catch (error) {
        return (error as { code?: string }).code ?? 'unknown';
      }
    };
    return {
      lookup: await attempt('sms.lookup', { customerNumber: '1071247666', caseRef: 'DS-1', purpose: 'gefälscht' }),
      lookupIp: await attempt('sms.lookup', { ip: '203.0.113.0/24', caseRef: 'DS-1', purpose: 'gefälscht' }),
      cases: await attempt('officer.cases', {}),
      register: await attempt('disclosure.list', {}),
    };
  });
  expect(refusals).toEqual({ lookup: 'forbidden', lookupIp: 'forbidden', cases: 'forbidden', register: 'forbidden' });
});

test('the equal-treatment officer sees only equality cases and no SMS lookup; a forged lookup is refused', async ({ page, world }) => {
  await page.goto(world.appUrl);
  await loginAs(page, /Gerd Gleichstellung/, 'Gerd Gleichstellung');
  const cases = page.getByTestId('officer-cases');
  await expect(cases.locator('tr[data-kind="equality"]').first()).toBeVisible();
  expect(await cases.locator('tr[data-kind="dpo"]').count()).toBe(0);
  await expect(page.getByRole('button', { name: 'SMS-Abfrage' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Offenlegungen' })).toHaveCount(0);
  const code = await page.evaluate(async () => {
    const api = (window as unknown as { api: { invoke(channel: string, input: unknown): Promise<unknown> } }).api;
    return api.invoke('sms.lookup', { ip: '203.0.113.0/24', caseRef: 'GB-1', purpose: 'gefälscht' }).then(
      () => 'allowed',
      (error: { code?: string }) => error.code,
    );
  });
  expect(code).toBe('forbidden');
});
