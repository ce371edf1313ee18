// Issue 3, offline: with the backend unreachable, the agent's actions wait in the outbox and
// show as pending (row badge, detail banner, header); they are sent when it is back.
import { expect, test } from './fixtures';

test('backend unreachable: claim and attempt wait in the outbox as pending and go out when it is back', async ({ page, world }) => {
  test.setTimeout(180_000);
  await page.goto(world.appUrl);
  await page.getByRole('button', { name: /Anna Agentin/ }).click();
  const row = page.locator('[data-testid^="queue-row-"][data-status="open"][data-kind="callback"]').first();
  await expect(row).toBeVisible();
  const id = (await row.getAttribute('data-testid'))!.replace('queue-row-', '');
  const entry = page.getByTestId(`queue-row-${id}`);
  await row.click();
  const detail = page.getByTestId('request-detail');

  // Offline claim: queued, no personal data yet.
  world.backend.setFaults({ dropRate: 1 });
  await detail.getByRole('button', { name: 'Übernehmen' }).click();
  await expect(entry).toHaveAttribute('data-status', 'claim_pending', { timeout: 30_000 });
  await expect(detail.getByTestId('detail-pending')).toContainText('Übernahme ausstehend');
  await expect(detail.getByTestId('personal-data')).toHaveCount(0);
  await expect(page.getByTestId('sync-status')).toContainText('1 Änderung ausstehend', { timeout: 15_000 });

  // Back online: the claim is sent and the personal data arrives.
  world.backend.setFaults({});
  await expect(entry).toHaveAttribute('data-status', 'claimed', { timeout: 90_000 });
  await expect(detail.getByTestId('personal-data')).toBeVisible();

  // Offline attempt: recorded locally, marked pending on the row and in the detail.
  world.backend.setFaults({ dropRate: 1 });
  await detail.getByLabel('Anrufversuch', { exact: true }).selectOption('busy');
  await detail.getByRole('button', { name: 'Versuch erfassen' }).click();
  await expect(entry.getByTestId('row-pending')).toHaveText('ausstehend', { timeout: 30_000 });
  await expect(detail.getByTestId('detail-pending')).toContainText('1 Änderung ist noch nicht gesendet');
  await expect(detail.getByTestId('attempt-history').locator('li')).toHaveCount(1);

  world.backend.setFaults({});
  await expect(entry.getByTestId('row-pending')).toHaveCount(0, { timeout: 90_000 });
  await expect(page.getByTestId('sync-status')).toContainText('Alle Änderungen gesendet', { timeout: 20_000 });
});
