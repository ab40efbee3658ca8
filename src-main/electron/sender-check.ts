/**
 * Who may call the core over IPC. Pure (structural frame types, no electron import) so the
 * rule is unit-tested under plain Node; ipc.ts passes Electron's WebFrameMain objects in.
 */
import { APP_ORIGIN } from './app-url';

/** The parts of Electron's WebFrameMain the check reads. */
export interface FrameLike {
  readonly url: string;
  readonly processId: number;
  readonly routingId: number;
  readonly parent: FrameLike | null;
}

/**
 * Only the top-level frame of our own window, showing our own origin, may call. A null sender
 * (the frame navigated away or was destroyed before the message arrived), an iframe, another
 * window or a page from another origin is refused. Frames are compared by process and routing
 * id because Electron may hand out distinct wrapper objects for the same frame.
 */
export function isTrustedSender(
  sender: FrameLike | null | undefined,
  mainFrame: FrameLike | null | undefined,
): boolean {
  if (!sender || !mainFrame) return false;
  if (sender.parent !== null) return false;
  if (sender.processId !== mainFrame.processId || sender.routingId !== mainFrame.routingId) {
    return false;
  }
  return sender.url.startsWith(`${APP_ORIGIN}/`);
}
