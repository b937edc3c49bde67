export * from './templates.ts';
export * from './schemas.ts';
export * from './effective.ts';
