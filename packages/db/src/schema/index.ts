export * from './org.ts';
export * from './auth.ts';
export * from './events.ts';
export * from './problems.ts';
export * from './campaigns.ts';
export * from './clues.ts';
export * from './notifications.ts';
export * from './cases.ts';
