export { startEmulator, type EmulatorOptions, type RunningEmulator } from './emulator.ts';
export { defaults, type SeedObject } from './seed.ts';
export type { Outbox, OutboxMessage } from './outbox.ts';
export type { Lang } from './messages.ts';
export { routes as emulatedRoutes } from './router.ts';
export { knownOperations, type KnownOperation } from './operations.ts';
