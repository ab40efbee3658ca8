import type { Core } from '../core';
import type { Bridge } from './ws-bridge';

/** Ctrl+C or a service manager's TERM: close the bridge, then the database, then leave. */
export function stopOnSignal(bridge: Bridge, core: Core): void {
  const stop = () => {
    void bridge.close().finally(() => {
      core.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
