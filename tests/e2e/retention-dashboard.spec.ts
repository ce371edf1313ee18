// Issue 4's path: a supervisor tightens a rule, sees the dry run, applies it, sees the
// dashboard change, and exports the Löschprotokoll, which proves another workstation's purge
// without any personal data.
import { readFileSync } from 'node:fs';
import { openDesk } from '../../electron/core/desk';
import { tempDir } from '../../electron/core/test-support/fixtures';
import { expect, test } from './fixtures';
import { TIME_SENSITIVE } from '../time-sensitive';

test('supervisor tightens the callback expiry, checks the dry run, applies it and exports the Löschprotokoll', { tag: TIME_SENSITIVE }, async ({ page, world }) => {
  // Another workstation: an agent closes a callback, which purges it there and sends the receipt.
  const agent = openDesk({ dataDir: tempDir(), host: 'cli', now: world.clock.now });
  await agent.invoke('session.login', { backendUrl: world.backend.url, username: 'agent', password: 'agent' });
  await agent.invoke('sync.now', {});
  const callbacks = await agent.invoke('queue.list', { kinds: ['callback'], statuses: ['open'] });
  const latest = [...callbacks].sort((a, b) => (b.preferredDate ?? '').localeCompare(a.preferredDate ?? ''))[0]!;
  await agent.invoke('request.claim', { requestId: latest.id });
  const name = (await agent.invoke('request.detail', { requestId: latest.id })).personal!.name;
  await agent.invoke('request.close', { requestId: latest.id, outcome: 'resolved' });
  await agent.invoke('sync.now', {});
  await agent.close();

  await page.goto(world.appUrl);
  await page.getByRole('button', { name: /Sina Schichtleitung/ }).click();
  const board = page.getByTestId('deletion-dashboard');
  await expect(board.getByRole('heading', { name: 'Löschübersicht' })).toBeVisible();
  const callbackRow = board.getByTestId('kind-status-callback');
  // The supervisor's feed brings the agent's receipt.
  await expect(callbackRow.getByTestId('purged30d')).toHaveText('1');
  await expect(board.getByTestId('overdue-none')).toBeVisible();
  await expect(board.getByTestId('chart-purges-per-day').locator('svg.recharts-surface')).toBeVisible();
  await expect(board.getByTestId('chart-upcoming').locator('svg.recharts-surface')).toBeVisible();
  const openBefore = Number(await callbackRow.getByTestId('open').innerText());
  expect(openBefore).toBeGreaterThan(0);

  // Tighten: unclosed callbacks expire on their preferred day instead of 14 days later.
  await board.getByLabel('Regel', { exact: true }).selectOption({ label: 'Nicht abgeschlossener Rückruf' });
  await board.getByLabel(/Neue Frist/).fill('0');
  await expect(board.getByRole('button', { name: 'Änderung übernehmen' })).toBeDisabled();
  await board.getByRole('button', { name: 'Probelauf', exact: true }).click();
  const dryRun = board.getByTestId('dry-run');
  await expect(dryRun).toContainText('Probelauf:');
  const total = Number(await dryRun.getAttribute('data-total'));
  expect(total).toBeGreaterThan(0);
  await expect(dryRun).toContainText(`Rückruf: ${total} (Rückruf abgelaufen)`);

  await board.getByRole('button', { name: 'Änderung übernehmen' }).click();
  await expect(board.getByTestId('rule-callback_expiry').getByTestId('period')).toHaveText('sofort');
  await expect(callbackRow.getByTestId('open')).toHaveText(String(openBefore - total));
  await expect(board.getByTestId('dry-run')).toHaveCount(0);

  // The core refuses to loosen past the limit, whatever the form lets through: its German message
  // stands right below the field, and the dry run shown before goes.
  const period = board.getByLabel(/Neue Frist/);
  await period.fill('0');
  await board.getByRole('button', { name: 'Probelauf', exact: true }).click();
  await expect(board.getByTestId('dry-run')).toBeVisible();
  await period.fill('15');
  await board.getByRole('button', { name: 'Probelauf', exact: true }).click();
  const periodError = board.getByTestId('rule-change-period-error');
  await expect(periodError).toContainText('höchstens 14 Tage');
  await expect(board.getByTestId('dry-run')).toHaveCount(0);
  await expect(period).toHaveAttribute('aria-invalid', 'true');
  const fieldBox = (await period.boundingBox())!;
  const errorBox = (await periodError.boundingBox())!;
  expect(errorBox.y - (fieldBox.y + fieldBox.height)).toBeLessThan(40);
  expect(Math.abs(errorBox.x - fieldBox.x)).toBeLessThan(40);
  // -5: no browser bubble in the browser's language, the desk's own German message at the field.
  await period.fill('-5');
  await board.getByRole('button', { name: 'Probelauf', exact: true }).click();
  await expect(periodError).toHaveText('Bitte die Frist als ganze Zahl ab 0 eingeben.');
  expect(await period.evaluate((el) => (el as HTMLInputElement).validationMessage)).toBe('');
  await expect(board.locator('form.rule-change')).toHaveAttribute('novalidate', '');

  // Löschprotokoll as CSV: written into the data directory and downloaded.
  const [download] = await Promise.all([page.waitForEvent('download'), board.getByRole('button', { name: 'Löschprotokoll (CSV)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^loeschprotokoll-\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = readFileSync(await download.path(), 'utf8');
  expect(csv).toContain('geloescht_am;vorgang;art;regel;arbeitsplatz');
  expect(csv).toMatch(/;Rückruf abgeschlossen;/);
  expect(csv).not.toContain('callback_closed');
  expect(csv).toContain(latest.id);
  expect(csv).not.toContain(name);
  await expect(board.getByTestId('export-done')).toContainText(world.dataDir);
  expect(readFileSync(`${world.dataDir}/exports/${download.suggestedFilename()}`, 'utf8')).toBe(csv);

  // The deletion self-test from the dashboard: canaries purged, every file scanned, result listed.
  await board.getByRole('button', { name: 'Löschtest starten' }).click();
  await expect(board.getByTestId('selftest-results').locator('li').first()).toContainText('bestanden');
  await expect(board.getByTestId('selftest-results')).toContainText('servicedesk.sqlite');
});
