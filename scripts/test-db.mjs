// Create or drop a throw-away test database next to the one in a URL.
//   node scripts/test-db.mjs create <url> <name>   -> prints the new database's URL
//   node scripts/test-db.mjs drop   <url> <name>
// Every `npm test` run gets its own freshly migrated database, so concurrent
// runs never see each other's rows and migrations are proven from zero each time.
import pg from 'pg';

const [action, url, name] = process.argv.slice(2);
if (!['create', 'drop'].includes(action) || !url || !/^[a-z0-9_]+$/.test(name ?? '')) {
  console.error('usage: test-db.mjs create|drop <url> <name>');
  process.exit(2);
}
const admin = new URL(url);
admin.pathname = '/postgres';
const client = new pg.Client({ connectionString: admin.toString() });
await client.connect();
try {
  if (action === 'create') {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    process.stdout.write(target.toString());
  } else {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
} finally {
  await client.end();
}
