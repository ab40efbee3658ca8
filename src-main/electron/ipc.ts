/**
 * Binds the core to Electron IPC: one guarded handler for every call, and core events pushed to
 * the window. The rules themselves live in sender-check.ts and invoke-guard.ts.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { EVENT_NAMES, type EventName, type EventPayload } from '../../src-shared/ipc/contract';
import { guardedInvoke, type InvokeTarget } from './invoke-guard';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-names';
import type { Logger } from './log';
import { isTrustedSender } from './sender-check';

export interface CoreBinding extends InvokeTarget {
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Returns a function that removes the handler and the event subscriptions. */
export function bindIpc(core: CoreBinding, getWindow: () => BrowserWindow | null, log: Logger): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, channel: unknown, input: unknown) => {
    const win = getWindow();
    const trusted =
      win !== null &&
      !win.isDestroyed() &&
      event.sender === win.webContents &&
      isTrustedSender(event.senderFrame, win.webContents.mainFrame);
    return guardedInvoke(core, trusted, channel, input, log);
  });

  const unsubscribes = EVENT_NAMES.map((name) =>
    core.on(name, (payload) => {
      const win = getWindow();
      // Events that happen while the window is closing are dropped: the next page load
      // reads current state anyway.
      if (win && !win.isDestroyed() && !win.webContents.isDestroyed()) {
        win.webContents.send(EVENT_CHANNEL, name, payload);
      }
    }),
  );

  return () => {
    ipcMain.removeHandler(INVOKE_CHANNEL);
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
