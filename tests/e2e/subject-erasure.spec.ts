// Issue 17, item 4, in a real Chromium: the data-protection officer marks a dpo case as a
// Löschung, finds the person's case and an SMS record, includes both, sees what goes and what
// stays (the case itself, with its reason), confirms with the keyboard, follows the receipts until
// every workstation has proved its purge, and writes the Löschbestätigung.
import { randomUUID } from 'node:crypto';
import { claimDpoCase, loginAs } from './officer-steps';
import { expect, test } from './fixtures';

test('DPO: executes a Löschung, follows the receipts and writes the Löschbestätigung', async ({ page, world, clock }) => {
  test.setTimeout(120_000);
  const customer = '7301234567';
  const sentAt = new Date(clock.now().getTime() - 2 * 86_400_000).toISOString();
  const ingested = await fetch(`${world.backend.url}/api/v1/ingest/sms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${world.backend.ingestKey}` },
    body: JSON.stringify({ records: [{ id: randomUUID(), customerNumber: customer, sentAt, ip: '198.18.7.9' }] }),
  });
  expect(ingested.status).toBe(200);

  await page.goto(world.appUrl);
  await loginAs(page, /Dana Datenschutz/, 'Dana Datenschutz');
  const { panel, name } = await claimDpoCase(page);

  const subject = panel.getByTestId('subject-request');
  await subject.getByLabel('Art des Antrags').selectOption('erasure');
  await subject.getByRole('button', { name: 'Als Betroffenenantrag kennzeichnen' }).click();
  await expect(subject.getByTestId('subject-facts')).toContainText('Löschung');
  const erasure = subject.getByTestId('subject-erasure');
  await expect(erasure.getByRole('button', { name: 'Löschung ausführen' })).toBeDisabled();

  const find = subject.getByTestId('subject-find');
  await find.getByLabel('Name').fill(name);
  await find.getByLabel('Kundennummer').fill(customer);
  await find.getByLabel('Kundennummer').press('Enter');
  const hits = find.getByTestId('subject-hit');
  await expect(hits.filter({ hasText: 'SMS-Protokoll' })).toHaveCount(1);
  for (const label of ['SMS-Protokoll', 'Anfrage']) {
    const hit = hits.filter({ hasText: label }).first();
    await hit.getByLabel('Begründung').fill('Antrag auf Löschung');
    await hit.getByRole('button', { name: 'Aufnehmen' }).click();
    await expect(hit.getByTestId('subject-hit-decision')).toContainText('Aufgenommen');
  }

  // What goes and what stays, before anything is erased.
  await expect(erasure.getByTestId('erasure-plan')).toContainText('SMS-Protokoll');
  await expect(erasure.getByTestId('erasure-kept')).toContainText('Ihr Antrag selbst');
  // Keyboard: Escape leaves the confirmation and returns to the button; Enter opens it again.
  const start = erasure.getByRole('button', { name: 'Löschung ausführen' });
  await start.click();
  const dialog = erasure.getByRole('alertdialog');
  await expect(dialog.getByRole('button', { name: 'Endgültig löschen' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(start).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('Einträge im Protokoll des Frei-SMS-Dienstes');
  await expect(dialog.getByRole('button', { name: 'Endgültig löschen' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(erasure.getByTestId('erasure-done')).toContainText('1 × Einträge im Protokoll des Frei-SMS-Dienstes');
  await expect(erasure.getByTestId('erasure-kept')).toContainText('Ihr Antrag selbst');

  // This workstation read the SMS from the feed: its next sync purges it and sends the receipt.
  const receipts = erasure.getByTestId('erasure-receipts');
  await expect(async () => {
    await erasure.getByRole('button', { name: 'Belege aktualisieren' }).click();
    await expect(receipts).toContainText('Alle Arbeitsplätze mit einer Kopie haben die Löschung belegt', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await expect(erasure.getByTestId('erasure-workstations')).toContainText('Löschung belegt');

  await erasure.getByRole('button', { name: 'Löschbestätigung erstellen' }).click();
  await expect(erasure.getByTestId('erasure-confirmation')).toContainText('loeschbestaetigung.pdf');
  await expect(erasure.getByTestId('erasure-confirmation')).toContainText('loeschnachweis.json');
});
