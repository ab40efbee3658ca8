import type { Channel, ChannelOutput, EventName, EventPayload, ParsedInput } from '../../src-shared/ipc/contract';
import type { Store } from '../store/client';
import type { SessionManager } from '../auth/session-manager';
import type { Logger } from '../log/logger';
import type { SyncController } from '../sync/sync-controller';
import type { ScheduleSource } from '../immunization/active-schedule';
import type { RuleEngine } from '../rules/rule-engine';

export type Handler<C extends Channel> = (input: ParsedInput<C>) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

/** One handler per channel: leaving one out is a compile error where the table is built. */
export type Handlers = { [C in Channel]: Handler<C> };

export interface CoreDeps {
  store: Store;
  sessions: SessionManager;
  now: () => Date;
  appVersion: string;
  log: Logger;
  emit: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
  sync: SyncController;
  /** The shipped data files: default immunization schedule, rule pack, growth tables. */
  resourcesDir: string;
  /** The immunization schedule in force (the iCDR's, else the shipped default). */
  schedule: ScheduleSource;
  /** The checks on entries in force; every save runs through rules/checked-write.ts. */
  rules: RuleEngine;
}
