import { and, asc, eq, gt, isNotNull, ne } from 'drizzle-orm';
import { schema, type Executor } from '@rectify/db';
import type { Config } from '../../config.ts';
import { contactAad, contactBox } from './contact-box.ts';

/**
 * Key rotation: re-seals every contact encrypted with a key other than the current one, in batches, each batch in its
 * own transaction (safe to interrupt and rerun). Returns how many were re-encrypted.
 */
export async function rekeyContacts(db: Executor, config: Config, progress?: (done: number) => void): Promise<number> {
  const box = contactBox(config);
  let done = 0;
  let after = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const batch = await db
      .select({ id: schema.clues.id, sealed: schema.clues.contactCiphertext })
      .from(schema.clues)
      .where(
        and(
          isNotNull(schema.clues.contactCiphertext),
          ne(schema.clues.contactKeyId, box.currentKeyId),
          gt(schema.clues.id, after),
        ),
      )
      .orderBy(asc(schema.clues.id))
      .limit(500);
    if (batch.length === 0) return done;
    await db.transaction(async (tx) => {
      for (const row of batch) {
        const next = box.reseal(row.sealed!, contactAad(row.id));
        if (!next) continue;
        await tx
          .update(schema.clues)
          .set({ contactCiphertext: next.sealed, contactKeyId: next.keyId })
          .where(eq(schema.clues.id, row.id));
        done++;
      }
    });
    after = batch.at(-1)!.id;
    progress?.(done);
  }
}
