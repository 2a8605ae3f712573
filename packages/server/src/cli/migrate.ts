import { openDatabase } from '../db/open';
import { loadEnv } from '../env';
import { createLogger } from '../lib/logger';

// Opening the database migrates it; that is all this command does.
const env = loadEnv();
const database = await openDatabase(env, createLogger(env.LOG_LEVEL));
await database.close();
