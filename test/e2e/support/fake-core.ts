/**
 * Answers chosen bridge channels in place of the core and passes everything else through: for
 * states the real core cannot be brought into on demand without a central registry.
 */
import type { Page } from '@playwright/test';
import type { Channel } from '../../../src-shared/ipc/contract';

export async function fakeCore(page: Page, answers: Partial<Record<Channel, () => unknown>>): Promise<void> {
  await page.routeWebSocket(/\/ipc\?/, (ws) => {
    const core = ws.connectToServer();
    ws.onMessage((message) => {
      const frame = JSON.parse(String(message)) as { id?: number; channel?: Channel };
      const answer = frame.channel ? answers[frame.channel] : undefined;
      if (answer && typeof frame.id === 'number') {
        ws.send(JSON.stringify({ id: frame.id, result: { ok: true, value: answer() } }));
      } else {
        core.send(message);
      }
    });
    core.onMessage((message) => ws.send(message));
  });
}
