import { createHash, randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import {
  appendEvent,
  countSameContent,
  insertClueOnce,
  schema,
  TrackingCodeCollision,
  type ClueRow,
  type Executor,
} from '@rectify/db';
import { AppError, badRequest, newClue, type ClueChannel } from '@rectify/domain';
import type { Config } from '../../config.ts';
import { contactAad, contactBox, type ClueContact } from './contact-box.ts';
import { newTrackingCode } from './tracking-code.ts';

export type IntakeChannel = ClueRow['channel'];

/** One clue as it arrives from any channel (portal, Open311, hotline import, staff or member entry). */
export interface ClueIntake {
  channel: IntakeChannel;
  regionCode: string;
  title: string;
  body: string;
  category?: string | undefined;
  lat?: number | undefined;
  lng?: number | undefined;
  address?: string | undefined;
  attachments?: string[] | undefined;
  contact?: ClueContact | undefined;
  anonymous?: boolean | undefined;
  idempotencyKey?: string | undefined;
  externalRef?: string | undefined;
  reporterKey?: string | undefined;
  receivedAt?: Date | undefined;
  /** Set by the abuse checks (honeypot) before intake; the flood check may hold it too. */
  moderation?: { status: 'held' | 'spam'; reason: string } | undefined;
  actor?: { userId: string; username: string } | undefined;
}

export interface IntakeResult {
  row: ClueRow;
  /** False when the idempotency key named an earlier submission (a retry): nothing new was written. */
  created: boolean;
}

/** The snapshot's coarser channel vocabulary (the machine does not read it; KPIs group by it). */
const SNAPSHOT_CHANNEL: Record<IntakeChannel, ClueChannel> = {
  portal: 'portal',
  open311: 'online',
  platform: 'online',
  hotline: 'hotline',
  member: 'member',
  staff: 'member',
};

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Same words, whatever the spacing, punctuation, width or case: what a flood of copies shares. */
export function contentHash(title: string, body: string): string {
  return sha256(
    `${title}\n${body}`
      .normalize('NFKC')
      .toLowerCase()
      .replace(/[\s\p{P}\p{S}]/gu, ''),
  );
}

/** Region codes are reference data: refuse codes the deployment does not know. */
export async function knownRegion(db: Executor, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: schema.regions.code })
    .from(schema.regions)
    .where(eq(schema.regions.code, code));
  return row !== undefined;
}

/** Where reports that cannot be placed more precisely are triaged: configured, or the top region with units. */
export async function topRegion(db: Executor, config: Config): Promise<string> {
  if (config.clues.topRegion) return config.clues.topRegion;
  // The highest region where the deployment has units (its own committee); regions loaded as mere ancestors
  // (the province above a city's deployment) do not count.
  const [row] = await db
    .select({ code: schema.regions.code })
    .from(schema.regions)
    .innerJoin(schema.units, eq(schema.units.regionCode, schema.regions.code))
    .orderBy(
      sql`case ${schema.regions.level} when 'province' then 0 when 'city' then 1 when 'county' then 2 else 3 end`,
      asc(schema.regions.code),
    )
    .limit(1);
  if (!row) throw new AppError(503, 'not_configured', '平台尚未载入行政区划，暂不能接收反映');
  return row.code;
}

/**
 * Stores one clue and its `clue.received` event in one transaction. A repeated idempotency key returns the first
 * clue (also when the two submits race: the unique index decides); the same key with other content is refused.
 * Contact details are encrypted before they reach the database. A flood of identical texts is held for moderation —
 * stored and answered like any other report, never dropped.
 */
export async function receiveClue(
  db: Executor,
  config: Config,
  intake: ClueIntake,
  now = new Date(),
): Promise<IntakeResult> {
  const requestHash = sha256(
    JSON.stringify([intake.channel, intake.regionCode, intake.title, intake.body, intake.category ?? null]),
  );
  const hash = contentHash(intake.title, intake.body);
  const box = contactBox(config);
  const contact =
    intake.contact && !intake.anonymous && Object.values(intake.contact).some((v) => v) ? intake.contact : undefined;
  let moderation = intake.moderation;
  if (!moderation && intake.channel !== 'hotline') {
    const since = new Date(now.getTime() - 3_600_000);
    if ((await countSameContent(db, hash, since)) >= config.clues.floodThreshold)
      moderation = { status: 'held', reason: 'duplicate_flood' };
  }
  const receivedAt = intake.receivedAt ?? now;

  for (let attempt = 0; ; attempt++) {
    const id = randomUUID();
    const sealed = contact ? box.seal(JSON.stringify(contact), contactAad(id)) : undefined;
    const snapshot = newClue({
      id,
      regionCode: intake.regionCode,
      channel: SNAPSHOT_CHANNEL[intake.channel],
      receivedAt,
    });
    try {
      return await db.transaction(async (tx) => {
        const result = await insertClueOnce(tx, {
          id,
          trackingCode: newTrackingCode(),
          idempotencyKey: intake.idempotencyKey ?? null,
          requestHash,
          contentHash: hash,
          regionCode: intake.regionCode,
          townCode: intake.regionCode.length > 6 ? intake.regionCode : null,
          channel: intake.channel,
          externalRef: intake.externalRef ?? null,
          title: intake.title,
          body: intake.body,
          category: intake.category ?? null,
          lat: intake.lat ?? null,
          lng: intake.lng ?? null,
          address: intake.address ?? null,
          attachments: intake.attachments ?? [],
          contactCiphertext: sealed?.sealed ?? null,
          contactKeyId: sealed?.keyId ?? null,
          anonymous: intake.anonymous ?? false,
          state: snapshot.state,
          moderation: moderation?.status ?? 'ok',
          moderationReason: moderation?.reason ?? null,
          reporterKey: intake.reporterKey ?? null,
          createdBy: intake.actor?.userId ?? null,
          snapshot,
          receivedAt,
        });
        if (!result.created) {
          if (result.row.requestHash !== requestHash)
            throw new AppError(409, 'idempotency_mismatch', '同一幂等键已用于内容不同的提交，请使用新的幂等键');
          return result;
        }
        await appendEvent(tx, {
          ...(intake.receivedAt && { at: intake.receivedAt }),
          actorUserId: intake.actor?.userId ?? null,
          actorUsername: intake.actor?.username ?? `public:${intake.channel}`,
          type: 'clue.received',
          subjectType: 'clue',
          subjectId: id,
          regionCode: intake.regionCode,
          // No personal data in events (entries may be public): the content is referenced by its hash.
          payload: {
            to: 'received',
            channel: intake.channel,
            moderation: moderation?.status ?? 'ok',
            contentSha256: sha256(`${intake.title}\n${intake.body}`),
            attachments: intake.attachments?.length ?? 0,
          },
          evidence: intake.attachments ?? [],
        });
        return result;
      });
    } catch (err) {
      if (err instanceof TrackingCodeCollision && attempt < 3) continue;
      throw err;
    }
  }
}

/** Checks a region code for intake: known, or 400 with a message the reporter understands. */
export async function ensureRegion(db: Executor, code: string): Promise<void> {
  if (!(await knownRegion(db, code))) throw badRequest(`未知的行政区划代码：${code}`);
}
