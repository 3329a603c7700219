import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { AuthFailureLimiter } from '@lantern/platform';
import { API_PREFIX, createApiApp } from '../../apps/api/src/bootstrap.js';

/** Address the test app listens on; supertest connects from it too. */
export const TEST_HOST = '127.0.0.1';
/** Path prefix of the resources: `${baseUrl}${API}/suppliers`. */
export const API = `/${API_PREFIX}`;

export interface TestApp {
  app: NestFastifyApplication;
  /** Root URL, e.g. `http://127.0.0.1:41234` (resources are under `${baseUrl}/api/v1`). */
  baseUrl: string;
  dataSource: DataSource;
  close(): Promise<void>;
}

/**
 * The real API (same pipes, filters, guards as production) listening on a
 * random port: Fastify's inject() does not work under Jest on Node 20, so
 * tests talk HTTP to it with supertest.
 */
export async function startTestApp(): Promise<TestApp> {
  // Route-mapping and start-up logs (level `log`) would drown the test output.
  process.env.LOG_LEVEL ??= 'warn';
  const app = await createApiApp({ docsUi: false });
  await app.listen({ port: 0, host: TEST_HOST });
  // Earlier runs' failed authentications from this address must not rate-limit this one.
  await app.get(AuthFailureLimiter).reset(TEST_HOST);
  return { app, baseUrl: await app.getUrl(), dataSource: app.get(DataSource), close: () => app.close() };
}

/** `Authorization` header for an API key. */
export function bearer(key: string): { Authorization: string } {
  return { Authorization: `Bearer ${key}` };
}
