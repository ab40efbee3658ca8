export * from './resources';
export * from './resource-base';
export * from './outbox';
export * from './references';
export * from './patient-index';
export * from './users';
export * from './audit';
export * from './settings';
