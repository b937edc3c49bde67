import {
  findRegion,
  saveRegionSettings,
  settingsChain,
  unitRefs,
  writeAudit,
  type Executor,
  type Scope,
  type SettingsLink,
} from '@rectify/db';
import {
  AppError,
  effectiveSettings,
  forbidden,
  isInRegion,
  notFound,
  SETTINGS_DEFAULTS,
  type EffectiveSettings,
  type EffectiveSettingsView,
  type RegionSettings,
} from '@rectify/domain';

/**
 * Effective settings are read on every lifecycle command, reminder and KPI request, so each process keeps them for a
 * short while. A save clears this process's cache at once; other processes see it within `CACHE_TTL_MS`.
 */
const CACHE_TTL_MS = 30_000;
const CACHE_MAX_ENTRIES = 5_000;
const caches = new WeakMap<object, Map<string, { at: number; value: EffectiveSettings }>>();

function cacheOf(db: Executor) {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  return cache;
}

/** Forgets every cached region of `db` (a region's save changes what its whole subtree inherits). */
export function invalidateSettings(db: Executor): void {
  caches.get(db)?.clear();
}

/** The settings in force for a region: its own, then its ancestors', then DESIGN's defaults (unknown region → defaults). */
export async function effectiveSettingsFor(db: Executor, regionCode: string): Promise<EffectiveSettings> {
  const cache = cacheOf(db);
  const hit = cache.get(regionCode);
  if (hit && Date.now() - hit.at < CACHE_TTL_MS) return hit.value;
  const chain = await settingsChain(db, regionCode);
  const value = chain.length === 0 ? SETTINGS_DEFAULTS : resolve(chain).effective;
  if (cache.size >= CACHE_MAX_ENTRIES) cache.clear();
  cache.set(regionCode, { at: Date.now(), value });
  return value;
}

/**
 * Effective settings of many regions at once (a job over many problems): one lookup per distinct region, so a
 * city-wide run costs a query per region, not per row.
 */
export async function settingsByRegion(
  db: Executor,
  regionCodes: Iterable<string>,
): Promise<(code: string) => EffectiveSettings> {
  const map = new Map<string, EffectiveSettings>();
  for (const code of new Set(regionCodes)) map.set(code, await effectiveSettingsFor(db, code));
  return (code) => map.get(code) ?? SETTINGS_DEFAULTS;
}

const resolve = (chain: SettingsLink[]) =>
  effectiveSettings(chain.map((l) => ({ regionCode: l.regionCode, settings: l.settings ?? {} })));

function viewOf(chain: SettingsLink[]): EffectiveSettingsView {
  const own = chain.at(-1)!;
  const { effective, sources } = resolve(chain);
  return {
    regionCode: own.regionCode,
    own: own.settings ?? {},
    version: own.version,
    updatedAt: own.updatedAt?.toISOString() ?? null,
    effective,
    sources,
  };
}

/** The region asked for, refused when it does not exist (404) or lies outside the caller's grants (403). */
async function regionInScope(db: Executor, scope: Scope, code: string) {
  const region = await findRegion(db, code);
  if (!region) throw notFound('行政区划');
  if (!scope.coversRegion(code)) throw forbidden('该行政区划不在您的权限范围内');
  return region;
}

export async function readSettingsView(db: Executor, scope: Scope, code: string): Promise<EffectiveSettingsView> {
  await regionInScope(db, scope, code);
  return viewOf(await settingsChain(db, code));
}

/**
 * Routing rules may only name units that exist and lie inside the region's subtree (a county's table cannot send
 * work to another county). Refused with 422 and the first offending rule.
 */
async function checkRouting(db: Executor, code: string, settings: RegionSettings): Promise<void> {
  const rules = settings.routing ?? [];
  const ids = [...new Set(rules.flatMap((r) => [r.leadUnitId, ...r.cooperatingUnitIds]))];
  const known = new Map((await unitRefs(db, ids)).map((u) => [u.id, u]));
  for (const [index, rule] of rules.entries()) {
    const refs = [rule.leadUnitId, ...rule.cooperatingUnitIds];
    const unknown = refs.filter((id) => !known.has(id));
    const outside = refs.filter((id) => known.has(id) && !isInRegion(known.get(id)!.regionCode, code));
    if (unknown.length > 0 || outside.length > 0) {
      throw new AppError(
        422,
        'invalid_routing',
        unknown.length > 0
          ? `路由表第 ${index + 1} 条（${rule.category}）引用了不存在的单位`
          : `路由表第 ${index + 1} 条（${rule.category}）引用了本行政区划以外的单位`,
        { index, rule, unknownUnitIds: unknown, outsideUnitIds: outside },
      );
    }
  }
}

export interface SettingsActor {
  userId: string | null;
  username: string;
  viaToken: boolean;
  ip: string | null;
}

/**
 * Replaces a region's own settings as a whole (a key left out is inherited again), at the version the caller read.
 * The save and its audit entry (before/after) are written together; a refusal is audited as a failure.
 */
export async function updateRegionSettings(
  db: Executor,
  scope: Scope,
  actor: SettingsActor,
  code: string,
  body: { version: number; settings: RegionSettings },
): Promise<EffectiveSettingsView> {
  await regionInScope(db, scope, code);
  const auditBase = {
    actorUserId: actor.userId,
    actorUsername: actor.username,
    viaToken: actor.viaToken,
    ip: actor.ip,
    action: 'settings.update',
    regionCode: code,
  };
  try {
    await checkRouting(db, code, body.settings);
    const view = await db.transaction(async (tx) => {
      const before = (await settingsChain(tx, code)).at(-1)!;
      const row = await saveRegionSettings(tx, code, body.version, body.settings, actor.userId);
      if (!row) {
        throw new AppError(409, 'version_conflict', '该地区的配置已被他人修改，请刷新后重试', {
          currentVersion: before.version,
        });
      }
      await writeAudit(tx, {
        ...auditBase,
        outcome: 'success',
        details: { before: before.settings ?? {}, after: row.settings, version: row.version },
      });
      return viewOf(await settingsChain(tx, code));
    });
    return view;
  } catch (err) {
    if (err instanceof AppError) {
      await writeAudit(db, { ...auditBase, outcome: 'failure', details: { reason: err.code, version: body.version } });
    }
    throw err;
  } finally {
    invalidateSettings(db);
  }
}
