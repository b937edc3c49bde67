export * from './client.ts';
export * as schema from './schema/index.ts';
export * from './scope.ts';
export * from './queries/events.ts';
export * from './queries/audit.ts';
export * from './queries/regions.ts';
export * from './queries/units.ts';
export * from './queries/users.ts';
export * from './queries/sessions.ts';
