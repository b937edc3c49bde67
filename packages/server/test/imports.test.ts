import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { schema } from '@rectify/db';
import { login, startTestPlatform, type Session, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
let staff: Session;

beforeAll(async () => {
  t = await startTestPlatform();
  staff = await login(t.app, 'cppcc_staff');
});
afterAll(() => t.close());

const HEADER = '工单编号,受理时间,所属区县,诉求类别,诉求内容,来电号码,地址';
const ROWS = [
  'GD2026-0001,2026-10-01 09:12,330502,城乡建设,"小区楼道灯坏了，物业不修，居民出行不便。",13812345678,凤凰路1号',
  'GD2026-0002,2026/10/02 14:30,南浔区,环境保护,"河道有垃圾漂浮，气味难闻，希望清理。",13900001111,',
  'GD2026-0003,2026年10月03日,330521,交通运输,"公交站台缺少遮雨棚，雨天候车困难。",,',
];

function upload(body: Buffer, query: string, type = 'text/csv') {
  return t.app.inject({
    method: 'POST',
    url: `/api/clues/imports?region=330500&${query}`,
    headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': type },
    payload: body,
  });
}
async function hotlineCount() {
  const [row] = await t.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.clues)
    .where(sql`${schema.clues.channel} = 'hotline'`);
  return row!.n;
}

describe('hotline work-order import', () => {
  it('previews headers and a suggested mapping, dry-runs, imports, and does not duplicate on re-import', async () => {
    const csv = Buffer.from(`\ufeff${HEADER}\r\n${ROWS.join('\r\n')}\r\n`);
    const preview = await t.app.inject({
      method: 'POST',
      url: '/api/clues/imports/preview',
      headers: { cookie: staff.cookie, 'x-csrf-token': staff.csrf, 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(preview.json().suggestedMapping).toMatchObject({
      externalRef: '工单编号',
      body: '诉求内容',
      region: '所属区县',
      receivedAt: '受理时间',
    });
    const dry = await upload(csv, 'dryRun=true');
    expect(dry.statusCode).toBe(200);
    expect(dry.json()).toMatchObject({ total: 3, valid: 3, inserted: 0, imported: false, dryRun: true });
    expect(await hotlineCount()).toBe(0);

    const real = await upload(csv, 'dryRun=false');
    expect(real.json()).toMatchObject({ total: 3, inserted: 3, duplicates: 0, imported: true });
    expect(await hotlineCount()).toBe(3);
    const again = await upload(csv, 'dryRun=false');
    expect(again.json()).toMatchObject({ inserted: 0, duplicates: 3 });
    expect(await hotlineCount()).toBe(3);
    const [nanxun] = await t.database.db
      .select()
      .from(schema.clues)
      .where(sql`${schema.clues.externalRef} = 'GD2026-0002'`);
    expect(nanxun!.regionCode).toBe('330503');
    expect(nanxun!.receivedAt.toISOString()).toBe('2026-10-02T06:30:00.000Z');
    expect(nanxun!.contactCiphertext).toMatch(/^v1\./);
  });

  it('detects GBK CSV and converts it', async () => {
    const text = `${HEADER}\n${'GD2026-0101,2026-10-05,330523,商贸旅游,"景区门票价格不透明，游客意见很大。",,'}\n`;
    const gbk = iconv.encode(text, 'gbk');
    const res = await upload(gbk, 'dryRun=false');
    expect(res.json()).toMatchObject({ encoding: 'gb18030', inserted: 1 });
    const [row] = await t.database.db
      .select()
      .from(schema.clues)
      .where(sql`${schema.clues.externalRef} = 'GD2026-0101'`);
    expect(row!.body).toBe('景区门票价格不透明，游客意见很大。');
  });

  it('reads XLSX with an explicit column mapping', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('工单');
    ws.addRow(['单号', '来电内容', '区域']);
    ws.addRow(['X-1', '农村饮水水压不足，早晚高峰经常停水。', '330522']);
    ws.addRow(['X-2', '学校门口上下学时段交通拥堵严重。', '330522']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(
      buf,
      `dryRun=false&map=${encodeURIComponent('externalRef=单号,body=来电内容,region=区域')}`,
      'application/octet-stream',
    );
    expect(res.json()).toMatchObject({ format: 'xlsx', inserted: 2 });
  });

  it('reports per-row errors with row numbers and imports nothing unless partial is asked', async () => {
    const csv = Buffer.from(
      [
        HEADER,
        'E-1,2026-10-01,330502,城乡建设,"内容正常的一条工单记录。",,',
        'E-2,不是时间,330502,城乡建设,"时间无法识别的工单记录。",,',
        'E-3,2026-10-01,999999,城乡建设,"区划不存在的工单记录。",,',
        'E-4,2026-10-01,330502,城乡建设,短,,',
      ].join('\n'),
    );
    const before = await hotlineCount();
    const res = await upload(csv, 'dryRun=false');
    expect(res.statusCode).toBe(422);
    const report = res.json();
    expect(report.imported).toBe(false);
    expect(report.errors.map((e: { row: number }) => e.row)).toEqual([3, 4, 5]);
    expect(report.errors[0].message).toContain('不是时间');
    expect(await hotlineCount()).toBe(before);
    const partial = await upload(csv, 'dryRun=false&partial=true');
    expect(partial.json()).toMatchObject({ inserted: 1, failed: 3, imported: true });
    expect(await hotlineCount()).toBe(before + 1);
  });

  it('refuses malformed files, missing columns and oversize uploads with clear messages', async () => {
    const missing = await upload(Buffer.from('编号,时间\n1,2026-10-01\n'), 'dryRun=true');
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors[0].message).toContain('缺少必需的列映射');
    const wrongMap = await upload(Buffer.from(`${HEADER}\n`), `map=${encodeURIComponent('body=不存在的列')}`);
    expect(wrongMap.json().errors[0].message).toContain('不在表头中');
    const unclosed = await upload(Buffer.from(`${HEADER}\nA,2026-10-01,330502,x,"没有闭合的引号\n`), 'dryRun=true');
    expect(unclosed.statusCode).toBe(400);
    expect(unclosed.json().error.message).toContain('引号未闭合');
    const broken = await upload(Buffer.from('PK\u0003\u0004garbage'), 'dryRun=true', 'application/octet-stream');
    expect(broken.json().error.message).toContain('Excel');
    const binary = await upload(Buffer.from([1, 0, 2, 0, 3]), 'dryRun=true', 'application/octet-stream');
    expect(binary.statusCode).toBe(400);
    const huge = await upload(Buffer.alloc(21 * 1024 * 1024, 0x41), 'dryRun=true');
    expect(huge.statusCode).toBe(413);
    const member = await login(t.app, 'member');
    const denied = await t.app.inject({
      method: 'POST',
      url: '/api/clues/imports?region=330500',
      headers: { cookie: member.cookie, 'x-csrf-token': member.csrf, 'content-type': 'text/csv' },
      payload: Buffer.from(HEADER),
    });
    expect(denied.statusCode).toBe(403);
  });
});
