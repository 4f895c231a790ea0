import type { TestProject } from 'vitest/node';
import { createScratchDatabase, type ScratchDatabase } from '../../lib/database/scratch';

let scratch: ScratchDatabase | undefined;

export async function setup(project: TestProject) {
  scratch = await createScratchDatabase('kakehashi_test');
  process.env.DATABASE_URL = scratch.url;
  const { prepareDatabase } = await import('../../lib/database/prepare');
  await prepareDatabase(scratch.url);
  project.provide('databaseUrl', scratch.url);
}

export async function teardown() {
  await scratch?.drop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
