import { openDatabase } from '../db/open';
import { loadEnv } from '../env';
import { createLogger } from '../lib/logger';
import { seedDemo } from '../seed/demo';

const env = loadEnv();
const logger = createLogger(env.LOG_LEVEL);
if (env.NODE_ENV === 'production' && env.DATABASE_URL) {
  logger.error('refusing to seed demo accounts into a production database');
  process.exit(1);
}
const database = await openDatabase(env, logger);
try {
  const result = await seedDemo(database.db);
  logger.info(result, 'demo data seeded');
} finally {
  await database.close();
}
