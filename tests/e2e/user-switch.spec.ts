// Issue 16, item 4, in the browser: logging out while holding a case asks what becomes of it.
// Kept, it stays the agent's through a colleague's session at the same workstation (who sees that
// Anna works on it, nothing of its data); released, it is back in the queue for everyone.
import type { Page } from '@playwright/test';
import { expect, test, type DeskWorld } from './fixtures';

async function logIn(page: Page, world: DeskWorld, who: RegExp, name: string) {
  await page.goto(world.appUrl);
  await page.getByRole('button', { name: who }).click();
  await expect(page.getByTestId('current-user')).toContainText(name);
  await expect(page.getByTestId('first-sync')).toHaveCount(0, { timeout: 20_000 });
}

test('a held case survives a colleague’s session at the same workstation; logout asks, Escape cancels, release gives it back', async ({ page, world }) => {
  test.setTimeout(120_000);
  await logIn(page, world, /Anna Agentin/, 'Anna Agentin');
  const row = page.locator('[data-testid^="queue-row-"][data-kind="callback"][data-status="open"]').first();
  const rowId = (await row.getAttribute('data-testid'))!;
  await row.click();
  const detail = page.getByTestId('request-detail');
  await detail.getByRole('button', { name: 'Übernehmen' }).click();
  const personal = detail.getByTestId('personal-data');
  await expect(personal).toBeVisible();
  // The caller's name: the first value of the contact facts.
  const name = (await personal.locator('dd').first().innerText()).trim();
  expect(name.length).toBeGreaterThan(2);

  // Escape keeps the session; "Behalten und abmelden" leaves the case held.
  await page.getByRole('button', { name: 'Abmelden' }).click();
  const dialog = page.getByTestId('logout-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('heading')).toHaveText('Abmelden mit 1 übernommenem Vorgang?');
  await expect(dialog).toContainText('Nach dem Abmelden bleibt er Ihnen vorbehalten');
  await expect(dialog.getByRole('button', { name: 'Freigeben und abmelden' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('current-user')).toContainText('Anna Agentin');
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await dialog.getByRole('button', { name: 'Behalten und abmelden' }).click();

  // Ben at the same workstation: Anna's case is hers, its data is not shown.
  await logIn(page, world, /Ben Berater/, 'Ben Berater');
  await page.getByTestId(rowId).click();
  await expect(detail).toContainText('Anna Agentin');
  await expect(detail.getByTestId('personal-data')).toHaveCount(0);
  await expect(detail.getByRole('button', { name: 'Übernehmen' })).toHaveCount(0);
  await expect(page.locator('body')).not.toContainText(name);
  // Ben holds nothing: no question at logout.
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await expect(page.getByRole('button', { name: /Anna Agentin/ })).toBeVisible();

  // Anna again: her case with its data; this time she gives it back.
  await logIn(page, world, /Anna Agentin/, 'Anna Agentin');
  await page.getByTestId(rowId).click();
  await expect(detail.getByTestId('personal-data')).toContainText(name);
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await dialog.getByRole('button', { name: 'Freigeben und abmelden' }).click();
  await logIn(page, world, /Ben Berater/, 'Ben Berater');
  await expect(page.getByTestId(rowId)).toHaveAttribute('data-status', 'open');
});
