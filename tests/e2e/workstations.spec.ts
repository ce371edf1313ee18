// Issue 16, item 5, in the browser: the supervisor's Löschübersicht lists the service center's
// workstations from the backend and retires a lost one (a reason is required, shown next to the
// field; the result is announced; the workstation cannot log in any more).
import { expect, test, type DeskWorld } from './fixtures';

/** An agent's PC elsewhere, talking to the plain sync API: registered, holding one callback. */
async function agentPcElsewhere(world: DeskWorld): Promise<string> {
  const workstation = crypto.randomUUID();
  const session = await fetch(`${world.backend.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'agent2', password: 'agent2', workstation }),
  });
  const { token } = (await session.json()) as { token: string };
  const feed = (await (await fetch(`${world.backend.url}/api/v1/feed?limit=500`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
    events: { type: string; request?: { id: string; kind: string } }[];
  };
  const callback = feed.events.find((e) => e.type === 'request.queued' && e.request?.kind === 'callback')!.request!.id;
  const claim = await fetch(`${world.backend.url}/api/v1/requests/${callback}/claim`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ eventId: crypto.randomUUID() }),
  });
  expect(claim.status).toBe(200);
  return workstation;
}

test('the supervisor retires a lost workstation from the Löschübersicht', async ({ page, world }) => {
  const lost = await agentPcElsewhere(world);
  await page.goto(world.appUrl);
  await page.getByRole('button', { name: /Sina Schichtleitung/ }).click();
  const panel = page.getByTestId('workstations');
  const row = panel.getByTestId(`workstation-${lost}`);
  await expect(row).toHaveAttribute('data-retired', 'false');
  await expect(row.locator('td').nth(2)).toHaveText('1');
  // Her own PC is marked and cannot be retired from itself.
  await expect(panel.locator('tr', { hasText: '(dieser)' }).getByRole('button')).toHaveCount(0);

  await row.getByRole('button', { name: /stilllegen/ }).click();
  const form = page.getByTestId('retire-form');
  await expect(form.getByLabel(/Grund/)).toBeFocused();
  await form.getByRole('button', { name: 'Endgültig stilllegen' }).click();
  await expect(form.getByTestId('retire-reason-error')).toHaveText('Bitte den Grund nennen (mindestens 5 Zeichen).');
  await form.getByLabel(/Grund/).fill('Notebook im Zug verloren');
  await form.getByRole('button', { name: 'Endgültig stilllegen' }).click();

  await expect(page.getByTestId('announcer')).toContainText('stillgelegt: 1 fehlender Löschnachweis als „stillgelegt“ vermerkt, 1 Fall an die Warteschlange zurückgegeben');
  await expect(form).toHaveCount(0);
  await expect(row).toHaveAttribute('data-retired', 'true');
  await expect(row).toContainText('Sina Schichtleitung');
  await expect(row).toContainText('Notebook im Zug verloren');
  await expect(row.getByRole('button')).toHaveCount(0);

  const again = await fetch(`${world.backend.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'agent2', password: 'agent2', workstation: lost }),
  });
  expect(again.status).toBe(403);
});
