import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { dropTemplate, prepareTemplate } from '../packages/db/src/testing/databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplate: string;
  }
}

/** One migrated template per run (a database on the server, or a PGlite dump), cloned by each test file. */
export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  const template = await prepareTemplate(url, join(tmpdir(), `rectify-test-template-${process.pid}.tar.gz`));
  project.provide('dbTemplate', template);
  console.log(`test databases: ${url ? `PostgreSQL (template ${template})` : 'PGlite'}`);
  return async () => dropTemplate(url, template);
}
