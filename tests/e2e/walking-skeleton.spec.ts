// Issue 2's path through every layer: the demo agent logs in, claims a callback, sees the
// caller's personal data, closes the case, and the personal data is gone, on screen and on disk.
import path from 'node:path';
import { filesBelow, scanFiles } from '../../electron/core/retention/raw-scan';
import { expect, test } from './fixtures';

test('demo agent claims a callback, closes it, and its personal data is gone', async ({ page, world }) => {
  await page.goto(world.appUrl);
  await expect(page.getByRole('heading', { name: 'Demo-Zugänge' })).toBeVisible();
  await page.getByRole('button', { name: /Anna Agentin/ }).click();
  await expect(page.getByTestId('current-user')).toContainText('Anna Agentin');

  const rows = page.locator('[data-testid^="queue-row-"]');
  await expect(rows.first()).toBeVisible();
  const firstRow = rows.first();
  const requestId = (await firstRow.getAttribute('data-testid'))!.replace('queue-row-', '');
  await expect(firstRow).toHaveAttribute('data-status', 'open');
  await firstRow.click();

  const detail = page.getByTestId('request-detail');
  await expect(detail.getByTestId('personal-data')).toHaveCount(0);
  await detail.getByRole('button', { name: 'Übernehmen' }).click();
  const personal = detail.getByTestId('personal-data');
  await expect(personal).toBeVisible();
  const phoneLink = personal.locator('a[href^="tel:"]');
  await expect(phoneLink).toBeVisible();
  const name = (await personal.locator('dd').first().innerText()).trim();
  const phone = (await phoneLink.getAttribute('href'))!.replace('tel:', '');
  expect(name.length).toBeGreaterThan(3);

  await detail.getByLabel('Abschlussergebnis').selectOption('resolved');
  await detail.getByRole('button', { name: 'Abschließen' }).click();
  await expect(page.getByTestId(`queue-row-${requestId}`)).toHaveAttribute('data-status', 'closed');
  await expect(detail.getByTestId('personal-data')).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(name);

  // The purge reached the disk: neither the name nor the phone number is in any file of the data directory.
  const lastName = name.split(' ').at(-1)!;
  expect(scanFiles(filesBelow(world.dataDir), [lastName, phone])).toEqual([]);
  expect(path.isAbsolute(world.dataDir)).toBe(true);
});

test('wrong password gives a German error and no session', async ({ page, world }) => {
  await page.goto(world.appUrl);
  await page.getByLabel('Benutzername').fill('agent');
  await page.getByLabel('Passwort').fill('falsch');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expect(page.getByTestId('login-error')).toContainText('Benutzername oder Passwort ist falsch');
});

test('the web host refuses calls without a session', async ({ page, world }) => {
  const origin = new URL(world.appUrl).origin;
  const response = await page.request.post(`${origin}/desk/invoke`, { data: { channel: 'session.current', input: {} } });
  expect(response.status()).toBe(403);
});
