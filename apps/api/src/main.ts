import 'reflect-metadata';
import { AppConfig } from '@lantern/platform';
import { createApiApp } from './bootstrap.js';

async function main(): Promise<void> {
  const app = await createApiApp();
  const config = app.get(AppConfig);
  await app.listen({ port: config.PORT, host: config.HOST });
  console.log(`[api] listening on ${await app.getUrl()} (docs at /api/docs)`);
}

main().catch((err: unknown) => {
  console.error('[api] failed to start:', err);
  process.exit(1);
});
