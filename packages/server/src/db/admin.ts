import pg from 'pg';

/** The same server and credentials, another database. */
export function withDatabaseName(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function quoteIdent(name: string): string {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
}

async function withAdminClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabaseName(url, 'postgres') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function createDatabase(url: string, name: string, template?: string): Promise<string> {
  await withAdminClient(url, (client) =>
    client.query(`create database ${quoteIdent(name)}${template ? ` template ${quoteIdent(template)}` : ''}`),
  );
  return withDatabaseName(url, name);
}

export async function dropDatabase(url: string, name: string): Promise<void> {
  await withAdminClient(url, (client) =>
    client.query(`drop database if exists ${quoteIdent(name)} with (force)`),
  );
}

export async function databaseExists(url: string, name: string): Promise<boolean> {
  return withAdminClient(url, async (client) => {
    const result = await client.query('select 1 from pg_database where datname = $1', [name]);
    return (result.rowCount ?? 0) > 0;
  });
}
