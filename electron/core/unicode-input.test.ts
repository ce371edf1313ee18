// Issue 12, item 7: text typed or sent in decomposed Unicode is the same text. "Rückruf" typed
// with a combining diaeresis finds the callbacks; a name the backend sends decomposed is stored in
// NFC; the normalisation keeps data as data (a "__proto__" key stays an own key, refused).
import { describe, expect, it } from 'vitest';
import { toNfc } from '../../shared/text';
import { openDesk } from './desk';
import { DeskError } from './desk-error';
import { claimAnswer, queuedEvent, SCRIPTED_URL, scriptedBackend } from './test-support/scripted-backend';
import { tempDir } from './test-support/fixtures';

const DECOMPOSED_RUECKRUF = 'Ru\u0308ckruf';

async function agentDesk() {
  const backend = scriptedBackend({ id: 'u-agent', displayName: 'Ada Agentin', roles: ['agent'] });
  const desk = openDesk({ dataDir: tempDir(), host: 'cli', fetch: backend.fetch });
  await desk.invoke('session.login', { backendUrl: SCRIPTED_URL, username: 'agent', password: 'agent' });
  return { desk, backend };
}

describe('NFC at every input boundary', () => {
  it('a search typed with a combining diaeresis finds the callbacks', async () => {
    expect(DECOMPOSED_RUECKRUF).not.toBe('Rückruf');
    const { desk, backend } = await agentDesk();
    try {
      backend.feed = [queuedEvent('callback'), queuedEvent('callback'), queuedEvent('contact')];
      await desk.invoke('sync.now', {});
      const search = (text: string) =>
        desk.invoke('queue.window', { filter: { search: text }, sort: { column: 'received', desc: false }, offset: 0, limit: 50 });
      expect((await search('Rückruf')).total).toBe(2);
      expect((await search(DECOMPOSED_RUECKRUF)).total).toBe(2);
    } finally {
      await desk.close();
    }
  });

  it('personal data the backend sends decomposed is stored in NFC', async () => {
    const { desk, backend } = await agentDesk();
    try {
      const queued = queuedEvent('callback');
      backend.feed = [queued];
      await desk.invoke('sync.now', {});
      const answer = claimAnswer(queued.request.id, 'callback', 'x');
      (answer.body.request.payload as { name: string }).name = 'Ju\u0308rgen Mu\u0308ller';
      backend.claimAnswer = () => answer;
      await desk.invoke('request.claim', { requestId: queued.request.id });
      const detail = await desk.invoke('request.detail', { requestId: queued.request.id });
      expect(detail.personal?.name).toBe('Jürgen Müller');
    } finally {
      await desk.close();
    }
  });

  it('keeps data as data: own "__proto__" keys stay (and are refused), cycles do not hang', async () => {
    const polluted = JSON.parse('{"__proto__": {"polluted": true}, "a": "Ru\u0308ckruf"}') as Record<string, unknown>;
    const normalised = toNfc(polluted);
    expect(Object.hasOwn(normalised, '__proto__')).toBe(true);
    expect(normalised.a).toBe('Rückruf');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const cyclic: Record<string, unknown> = { text: 'Ru\u0308ckruf' };
    cyclic.self = cyclic;
    expect((toNfc(cyclic) as { text: string }).text).toBe('Rückruf');

    const { desk } = await agentDesk();
    try {
      await expect(desk.handle('queue.window', { ...polluted, filter: {}, sort: { column: 'received', desc: false }, offset: 0, limit: 5 })).rejects.toBeInstanceOf(DeskError);
    } finally {
      await desk.close();
    }
  });
});
