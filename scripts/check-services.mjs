// Exit 0 when both the PostgreSQL and the Redis URL answer a real query within 3 s.
import pg from 'pg';
import { Redis } from 'ioredis';

const [dbUrl, redisUrl] = process.argv.slice(2);
const timer = setTimeout(() => process.exit(1), 3000);
try {
  const client = new pg.Client({ connectionString: dbUrl, connectionTimeoutMillis: 2000 });
  await client.connect();
  await client.query('SELECT 1');
  await client.end();
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  await redis.connect();
  await redis.ping();
  redis.disconnect();
  clearTimeout(timer);
  process.exit(0);
} catch (err) {
  console.error(String(err?.message ?? err));
  process.exit(1);
}
