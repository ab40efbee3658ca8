/**
 * The two Electron IPC channel names. Every core channel travels inside `kliniki:invoke`, so
 * main has exactly one handler to guard and the preload exactly one to call.
 */
export const INVOKE_CHANNEL = 'kliniki:invoke';
export const EVENT_CHANNEL = 'kliniki:event';
