import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from '@rectify/db';

/** Raw positional-parameter SQL, the shape `SqlLedgerStore` needs (`query(text, params)` → `{ rows }`). */
export interface RawExecutor {
  query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

/**
 * Turns `text` with `$1..$n` placeholders and `params` into a Drizzle `sql` object: the text is split at each
 * placeholder and the matching value interleaved as a bound parameter (`sql.param`, so arrays stay one parameter).
 * Precondition: `$<digits>` appears only as a placeholder (not inside string literals or dollar quotes).
 */
export function toDrizzleSql(text: string, params: readonly unknown[] = []): SQL {
  const parts = text.split(/\$(\d+)/);
  const query = sql.empty();
  for (let i = 0; i < parts.length; i++) {
    if (i % 2 === 0) {
      if (parts[i] !== '') query.append(sql.raw(parts[i]!));
    } else {
      const n = Number(parts[i]);
      if (n < 1 || n > params.length) throw new Error(`placeholder $${n} has no parameter (${params.length} given)`);
      query.append(sql`${sql.param(params[n - 1])}`);
    }
  }
  return query;
}

/**
 * A raw executor over a Drizzle handle or open transaction, so code written against `query(text, params)` (such as
 * `SqlLedgerStore`) runs inside the caller's transaction on both engines.
 */
export function rawExecutor(tx: Executor): RawExecutor {
  return {
    async query<T>(text: string, params?: unknown[]) {
      const res = (await tx.execute(toDrizzleSql(text, params))) as unknown as { rows: T[] };
      return { rows: res.rows };
    },
  };
}
