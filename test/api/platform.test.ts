import { runCodegen } from '@jadelive/server/db/codegen';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, createTestApp, type TestApp } from '../support/app';
import { createTestDatabase, type TestDatabase } from '../support/database';

let database: TestDatabase;
let app: TestApp;

beforeAll(async () => {
  database = await createTestDatabase();
  app = createTestApp(database.db).app;
});
afterAll(() => database.drop());

describe('platform', () => {
  it('GET /api/health answers ok once migrated', async () => {
    const response = await call(app, 'GET', '/api/health');
    expect(response.status).toBe(200);
    expect(response.json).toEqual({ status: 'ok' });
  });

  it('every API operation in the OpenAPI document says who may call it', async () => {
    const doc = (await call(app, 'GET', '/api/openapi.json')).json;
    const missing: string[] = [];
    for (const [path, operations] of Object.entries(doc.paths as Record<string, Record<string, any>>)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (typeof operation['x-access'] !== 'string') missing.push(`${method} ${path}`);
      }
    }
    expect(missing).toEqual([]);
    expect(doc.paths['/api/auth/login'].post['x-access']).toBe('public');
  });

  it('serves a browsable docs page that works offline', async () => {
    const page = await call(app, 'GET', '/api/docs');
    expect(page.status).toBe(200);
    expect(page.text).toContain('/api/docs/init.js');
    const init = await app.request('/api/docs/init.js');
    expect(await init.text()).toContain('/api/openapi.json');
    const bundle = await app.request('/api/docs/swagger-ui-bundle.js');
    expect(bundle.status).toBe(200);
  });

  it('the committed database types match the migrations', () => {
    const result = runCodegen(database.url, { verify: true });
    expect(result.stderr + result.stdout).not.toMatch(/out of date|differ/i);
    expect(result.status, result.stderr + result.stdout).toBe(0);
  });
});
