import { type Compilable, type CompiledQuery, createQueryId } from 'kysely';
import type { Database } from '../db/database';

/**
 * A hot statement built and compiled by Kysely once per database handle, then run with fresh
 * parameters: building and compiling the query tree each time costs more CPU than the round trip
 * on a busy instance. `build` gets placeholder values and must use every one of them exactly once,
 * as parameters in that order (checked when it compiles), so only the values change between runs.
 */
export function compiledOnce<P extends unknown[], O>(
  build: (db: Database, ...placeholders: P) => Compilable<O>,
) {
  const statements = new WeakMap<Database, CompiledQuery<O>>();
  return async (db: Database, ...values: P): Promise<O[]> => {
    let statement = statements.get(db);
    if (!statement) {
      statement = build(db, ...values).compile();
      if (
        statement.parameters.length !== values.length ||
        statement.parameters.some((parameter, i) => parameter !== values[i])
      ) {
        throw new Error('compiledOnce: the statement must take exactly its values, in order, as parameters');
      }
      statements.set(db, statement);
    }
    const { rows } = await db.executeQuery<O>({ ...statement, parameters: values, queryId: createQueryId() });
    return rows;
  };
}
