import { createHash } from 'node:crypto';
import { eq, inArray } from 'drizzle-orm';
import { schema, type Database } from '@rectify/db';
import { AppError, regionPrefix } from '@rectify/domain';
import type { Config } from '../../config.ts';
import { receiveClue } from '../clues/intake.ts';
import { parseSheet, type Sheet } from './parse.ts';

/** The clue fields an import column can fill. `title` may be left unmapped: the start of the text is used. */
export const IMPORT_FIELDS = [
  'externalRef',
  'title',
  'body',
  'region',
  'receivedAt',
  'category',
  'address',
  'name',
  'phone',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];
export type ColumnMapping = Partial<Record<ImportField, string>>;
const REQUIRED: ImportField[] = ['body'];

/** Header names commonly used by 12345 hotline systems, for the suggested mapping. */
const SYNONYMS: Record<ImportField, string[]> = {
  externalRef: ['工单编号', '工单号', '编号', '受理编号', '流水号', 'id'],
  title: ['标题', '诉求标题', '主题', '事项'],
  body: ['诉求内容', '内容', '来电内容', '问题描述', '描述', '留言内容'],
  region: ['区划代码', '行政区划', '所属区县', '区县', '所属区域', '街道', '乡镇'],
  receivedAt: ['受理时间', '来电时间', '登记时间', '时间', '日期'],
  category: ['诉求类别', '类别', '分类', '问题类型'],
  address: ['地址', '事发地址', '诉求地址', '地点'],
  name: ['姓名', '来电人', '诉求人', '联系人'],
  phone: ['电话', '来电号码', '联系电话', '手机'],
};

export function suggestMapping(headers: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const field of IMPORT_FIELDS) {
    const hit = SYNONYMS[field].find((s) => headers.includes(s));
    if (hit) mapping[field] = hit;
  }
  return mapping;
}

/** `title=标题,body=诉求内容` (the CLI form) → mapping. */
export function parseMappingSpec(spec: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const part of spec.split(',').filter((p) => p.trim() !== '')) {
    const [field, column] = part.split('=').map((s) => s.trim());
    if (!field || !column || !IMPORT_FIELDS.includes(field as ImportField))
      throw new AppError(400, 'bad_mapping', `映射“${part}”无效；字段可为 ${IMPORT_FIELDS.join(', ')}`);
    mapping[field as ImportField] = column;
  }
  return mapping;
}

export interface ImportOptions {
  filename: string;
  channel: 'hotline' | 'platform';
  /** Region for rows without a region column, and the root every row's region must lie in. */
  regionCode: string;
  mapping?: ColumnMapping | undefined;
  dryRun: boolean;
  /** Import the valid rows even when others have errors (default: all or nothing). */
  partial: boolean;
  actor?: { userId: string; username: string } | undefined;
  onProgress?: ((done: number, total: number) => void) | undefined;
}

export interface RowError {
  row: number;
  column?: string | undefined;
  message: string;
}

export interface ImportReport {
  id: string | null;
  format: Sheet['format'];
  encoding: Sheet['encoding'];
  headers: string[];
  mapping: ColumnMapping;
  total: number;
  valid: number;
  inserted: number;
  duplicates: number;
  failed: number;
  errors: RowError[];
  dryRun: boolean;
  /** False when errors stopped the import (nothing was written). */
  imported: boolean;
}

function parseTime(s: string): Date | undefined {
  if (!s) return undefined;
  if (/^\d+(\.\d+)?$/.test(s)) {
    // Excel serial date.
    const n = Number(s);
    if (n > 20_000 && n < 80_000) return new Date(Math.round((n - 25_569) * 86_400_000) - 8 * 3_600_000);
  }
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?/.exec(s);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', se = '0'] = m;
    const iso = `${y}-${mo!.padStart(2, '0')}-${d!.padStart(2, '0')}T${h.padStart(2, '0')}:${mi.padStart(2, '0')}:${se.padStart(2, '0')}+08:00`;
    const t = new Date(iso);
    return Number.isNaN(t.getTime()) ? undefined : t;
  }
  const t = new Date(s);
  return Number.isNaN(t.getTime()) ? undefined : t;
}

/**
 * Imports hotline / platform work orders: map columns, validate every row (errors name the spreadsheet row), then —
 * unless it is a dry run — store all rows in ONE transaction, so a failure leaves nothing half-imported. With
 * `partial` the valid rows are imported and the others reported. A work order already imported (same source
 * reference, or same content when there is no reference) is counted as a duplicate, not stored again.
 */
export async function importWorkOrders(
  database: Database,
  config: Config,
  file: Buffer,
  opts: ImportOptions,
): Promise<ImportReport> {
  const db = database.db;
  const sheet = await parseSheet(file);
  const mapping = opts.mapping && Object.keys(opts.mapping).length > 0 ? opts.mapping : suggestMapping(sheet.headers);
  const errors: RowError[] = [];
  for (const [field, column] of Object.entries(mapping))
    if (!sheet.headers.includes(column))
      errors.push({ row: 1, column, message: `映射的列“${column}”（${field}）不在表头中` });
  for (const field of REQUIRED)
    if (!mapping[field]) errors.push({ row: 1, message: `缺少必需的列映射：${field}（如“诉求内容”）` });
  const base = {
    format: sheet.format,
    encoding: sheet.encoding,
    headers: sheet.headers,
    mapping,
    total: sheet.rows.length,
    dryRun: opts.dryRun,
  };
  if (errors.length > 0)
    return {
      ...base,
      id: null,
      valid: 0,
      inserted: 0,
      duplicates: 0,
      failed: sheet.rows.length,
      errors,
      imported: false,
    };

  const col = (field: ImportField) => (mapping[field] ? sheet.headers.indexOf(mapping[field]) : -1);
  const idx = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, col(f)])) as Record<ImportField, number>;
  const regionRows = await db.select({ code: schema.regions.code, name: schema.regions.name }).from(schema.regions);
  const byCode = new Set(regionRows.map((r) => r.code));
  const byName = new Map(regionRows.map((r) => [r.name, r.code]));
  const root = regionPrefix(opts.regionCode);

  const prepared = [];
  for (const r of sheet.rows) {
    const get = (f: ImportField) => (idx[f] >= 0 ? (r.cells[idx[f]] ?? '') : '');
    const rowErrors: RowError[] = [];
    const body = get('body');
    if (body.length < 5) rowErrors.push({ row: r.line, column: mapping.body, message: '诉求内容为空或少于 5 个字' });
    if (body.length > 5000) rowErrors.push({ row: r.line, column: mapping.body, message: '诉求内容超过 5000 字' });
    const rawRegion = get('region');
    const region = !rawRegion ? opts.regionCode : byCode.has(rawRegion) ? rawRegion : byName.get(rawRegion);
    if (!region) rowErrors.push({ row: r.line, column: mapping.region, message: `未知的行政区划：${rawRegion}` });
    else if (!region.startsWith(root))
      rowErrors.push({ row: r.line, column: mapping.region, message: `行政区划 ${rawRegion} 不在导入范围内` });
    const rawTime = get('receivedAt');
    const receivedAt = parseTime(rawTime);
    if (rawTime && !receivedAt)
      rowErrors.push({ row: r.line, column: mapping.receivedAt, message: `无法识别的时间：${rawTime}` });
    else if (receivedAt && receivedAt.getTime() > Date.now() + 86_400_000)
      rowErrors.push({ row: r.line, column: mapping.receivedAt, message: `时间在未来：${rawTime}` });
    const title = (get('title') || body.slice(0, 30)).slice(0, 100);
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    const ref = get('externalRef');
    const key = `import:${opts.channel}:${ref || createHash('sha256').update(`${title}\n${body}\n${rawTime}`).digest('hex')}`;
    prepared.push({
      line: r.line,
      key,
      intake: {
        channel: opts.channel,
        regionCode: region!,
        title,
        body,
        category: get('category') || undefined,
        address: get('address').slice(0, 200) || undefined,
        contact: { name: get('name') || undefined, phone: get('phone') || undefined },
        externalRef: ref || undefined,
        idempotencyKey: key,
        receivedAt,
        actor: opts.actor,
      },
    });
  }

  // Duplicates: already imported earlier, or repeated inside this file.
  const existing = new Set<string>();
  for (let i = 0; i < prepared.length; i += 1000) {
    const keys = prepared.slice(i, i + 1000).map((p) => p.key);
    const found = await db
      .select({ key: schema.clues.idempotencyKey })
      .from(schema.clues)
      .where(inArray(schema.clues.idempotencyKey, keys));
    for (const f of found) existing.add(f.key!);
  }
  const seen = new Set<string>();
  const fresh = prepared.filter((p) => {
    const dup = existing.has(p.key) || seen.has(p.key);
    seen.add(p.key);
    return !dup;
  });
  const duplicates = prepared.length - fresh.length;
  const failedRows = new Set(errors.map((e) => e.row)).size;
  const blocked = errors.length > 0 && !opts.partial;
  const write = !opts.dryRun && !blocked;

  let inserted = 0;
  let id: string | null = null;
  await db.transaction(async (tx) => {
    if (write) {
      for (const p of fresh) {
        await receiveClue(tx, config, p.intake);
        inserted++;
        if (inserted % 100 === 0 || inserted === fresh.length) opts.onProgress?.(inserted, fresh.length);
      }
    }
    const [run] = await tx
      .insert(schema.clueImports)
      .values({
        fileSha256: createHash('sha256').update(file).digest('hex'),
        filename: opts.filename.slice(0, 200),
        channel: opts.channel,
        regionCode: opts.regionCode,
        mapping,
        dryRun: opts.dryRun,
        total: sheet.rows.length,
        inserted,
        duplicates,
        failed: failedRows,
        errors: errors.slice(0, 1000),
        createdBy: opts.actor?.userId ?? null,
      })
      .returning({ id: schema.clueImports.id });
    id = run!.id;
  });
  return {
    ...base,
    id,
    valid: prepared.length,
    inserted,
    duplicates,
    failed: failedRows,
    errors,
    imported: write,
  };
}

export async function findImport(database: Database, id: string) {
  const [row] = await database.db.select().from(schema.clueImports).where(eq(schema.clueImports.id, id));
  return row;
}
