import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { CryptoBox, newKeySpec } from '../src/lib/crypto-box.ts';
import { as, login, startTestPlatform, type TestPlatform } from './helpers.ts';

/**
 * A corpus of Chinese reports with personal data embedded in the free text, in the fields and in staff replies. Each
 * `secrets` entry must never appear in anything a public endpoint or feed returns.
 */
const CORPUS = [
  {
    title: '我叫张伟，反映噪音扰民',
    body: '我叫张伟，电话13812345678，住在吴兴区爱山街道凤凰路88号3栋2单元501室，楼下商铺夜间噪音严重。',
    secrets: ['张伟', '13812345678', '3栋2单元501室'],
  },
  {
    title: '社保卡补办问题',
    body: '本人身份证号330502199003151234，社保卡丢失补办三个月未办好，联系人：王芳，手机 139 8765 4321。',
    secrets: ['330502199003151234', '王芳', '139 8765 4321', '13987654321'],
  },
  {
    title: '工资被拖欠',
    body: '某公司拖欠工资，工资卡号6222021234567890128，投诉人李建国，邮箱lijianguo@example.com，请帮忙。',
    secrets: ['6222021234567890128', '李建国', 'lijianguo@example.com'],
  },
  {
    title: '欧阳娜娜女士反映道路积水',
    body: '欧阳娜娜女士反映，南浔区某路段下雨积水严重，她的座机0572-2345678，身份证33050319851212002X。',
    secrets: ['欧阳娜娜', '0572-2345678', '2345678', '33050319851212002X'],
  },
  {
    title: '小区加装电梯',
    body: '申请人：赵国强，住12号楼5单元302室，电话+86 137-0000-1234，希望加快审批。',
    secrets: ['赵国强', '5单元302室', '137-0000-1234', '13700001234'],
  },
  {
    title: '医保报销慢',
    body: '患者陈晓梅在市医院报销医保，材料齐全等了两个月，联系方式：15067891234，邮箱 cxm_2020@qq.com。',
    secrets: ['陈晓梅', '15067891234', 'cxm_2020@qq.com'],
  },
];
const REPLY = '已联系反映人张伟（电话13812345678）现场核实，身份证330502199003151234已核对。';
const EXTRA_SECRETS = ['13812345678', '330502199003151234'];
const ALL_SECRETS = [...CORPUS.flatMap((c) => c.secrets), ...EXTRA_SECRETS];

let t: TestPlatform;
let staff: ReturnType<typeof as>;
const codes: string[] = [];
const problemIds: string[] = [];

async function fire(id: string, command: string, input: unknown) {
  const current = (await staff('GET', `/api/clues/${id}`)).json();
  const res = await staff('POST', `/api/clues/${id}/commands/${command}`, { version: current.version, input });
  if (res.statusCode !== 200) throw new Error(`${command}: ${res.body}`);
  return res.json();
}

beforeAll(async () => {
  t = await startTestPlatform({
    env: { RECTIFY_PUBLIC_SUBMITS_PER_MINUTE: '10000', RECTIFY_PUBLIC_READS_PER_MINUTE: '10000' },
  });
  staff = as(t.app, await login(t.app, 'cppcc_staff'));
  for (const c of CORPUS) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/clues',
      payload: {
        title: c.title,
        body: c.body,
        regionCode: '330502',
        address: c.body.includes('室') ? '凤凰路88号3栋2单元501室' : undefined,
        contact: { name: '张伟', phone: '13812345678', email: 'zw@example.com' },
      },
    });
    expect(res.statusCode).toBe(201);
    const code = res.json().trackingCode as string;
    codes.push(code);
    const [row] = await t.database.db
      .select()
      .from(schema.clues)
      .where(eq(schema.clues.trackingCode, code.replace(/-/g, '')));
    await fire(row!.id, 'triage', { category: '城乡建设', note: '内部备注：张伟 13812345678' });
    const accepted = await fire(row!.id, 'accept', { createProblem: true });
    await fire(row!.id, 'reply', { text: REPLY });
    const problem = (await staff('GET', `/api/problems/${accepted.problemId}`)).json();
    await staff('POST', `/api/problems/${problem.id}/commands/confirm`, { version: problem.version, input: {} });
    const pub = await staff('PUT', `/api/problems/${problem.id}/publication`, {
      published: true,
      measures: true,
      progress: true,
      result: true,
    });
    expect(pub.statusCode).toBe(200);
    problemIds.push(problem.id);
  }
});
afterAll(() => t.close());

function expectNoLeak(label: string, text: string) {
  for (const s of ALL_SECRETS) {
    if (text.includes(s)) throw new Error(`${label} leaks "${s}": ${text.slice(0, 400)}`);
  }
}

describe('nothing personal leaks through any public endpoint or feed', () => {
  it('track by code (text, steps, replies, linked problem)', async () => {
    for (const code of codes) {
      const res = await t.app.inject({ method: 'GET', url: `/api/public/clues/${code}` });
      expect(res.statusCode).toBe(200);
      expectNoLeak(`track ${code}`, res.body);
      const view = res.json();
      expect(view.problem).not.toBeNull();
      expect(view.steps.at(-1).text).toContain('138****5678');
      expect(view.body).toMatch(/\*/);
    }
  });

  it('the disclosure list, its search, every problem page and both feeds', async () => {
    const urls = [
      '/api/public/problems?pageSize=50',
      '/api/public/problems?q=%E5%BC%A0%E4%BC%9F',
      '/api/public/feed/330500.atom',
      '/api/public/feed/330502.rss',
      ...problemIds.map((id) => `/api/public/problems/${id}`),
    ];
    for (const url of urls) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expectNoLeak(url, res.body);
    }
    const list = (await t.app.inject({ method: 'GET', url: '/api/public/problems?pageSize=50' })).json();
    expect(list.total).toBe(CORPUS.length);
    const atom = await t.app.inject({ method: 'GET', url: '/api/public/feed/330500.atom' });
    expect(atom.headers['content-type']).toContain('application/atom+xml');
    expect(atom.body).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    expect((atom.body.match(/<entry>/g) ?? []).length).toBe(CORPUS.length);
  });

  it('the submit answer itself and the error answers', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/clues',
      payload: { title: '我叫张伟', body: CORPUS[0]!.body, regionCode: '330502' },
    });
    expectNoLeak('submit', res.body);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/public/clues',
      payload: { title: '我叫张伟', body: CORPUS[0]!.body, regionCode: '330502', contact: { phone: 'x13812345678' } },
    });
    expect(bad.statusCode).toBe(400);
    expectNoLeak('submit error', bad.body);
  });

  it('keeps contact details encrypted at rest', async () => {
    const rows = await t.database.db.select().from(schema.clues);
    for (const r of rows) {
      if (!r.contactCiphertext) continue;
      expect(r.contactCiphertext).not.toContain('13812345678');
      expect(r.contactCiphertext).not.toContain('zw@example.com');
    }
    const events = await t.database.db.select().from(schema.events).where(eq(schema.events.type, 'clue.received'));
    for (const e of events) expectNoLeak('clue.received event', JSON.stringify(e.payload));
  });
});

describe('contact encryption with key rotation', () => {
  it('decrypts with old keys, re-seals with the new one, refuses tampering and moved ciphertexts', () => {
    const oldSpec = newKeySpec();
    const old = CryptoBox.parse(oldSpec);
    const sealed = old.seal('{"phone":"13812345678"}', 'clue:1');
    const rotated = CryptoBox.parse(`${newKeySpec(new Date('2027-01-01'))},${oldSpec}`);
    expect(rotated.open(sealed.sealed, 'clue:1')).toBe('{"phone":"13812345678"}');
    const resealed = rotated.reseal(sealed.sealed, 'clue:1')!;
    expect(resealed.keyId).toBe(rotated.currentKeyId);
    expect(rotated.reseal(resealed.sealed, 'clue:1')).toBeUndefined();
    expect(() => rotated.open(sealed.sealed, 'clue:2')).toThrow();
    const parts = sealed.sealed.split('.');
    parts[4] = Buffer.from('tampered').toString('base64url');
    expect(() => old.open(parts.join('.'), 'clue:1')).toThrow();
    expect(() => CryptoBox.parse(newKeySpec()).open(sealed.sealed, 'clue:1')).toThrow(/unknown contact key/);
  });
});

describe('re-encryption command', () => {
  it('re-seals every contact with the new key and keeps them readable', async () => {
    const { rekeyContacts } = await import('../src/features/clues/rekey.ts');
    const { loadConfig } = await import('../src/config.ts');
    const { readFileSync } = await import('node:fs');
    const oldSpec = readFileSync(t.config.clues.contactKeyFile, 'utf8').trim();
    const rotated = loadConfig({
      RECTIFY_DATA: t.config.dataDir,
      RECTIFY_CONTACT_KEYS: `${newKeySpec(new Date('2027-06-01'))},${oldSpec}`,
    });
    const n = await rekeyContacts(t.database.db, rotated);
    expect(n).toBeGreaterThanOrEqual(CORPUS.length);
    const newId = CryptoBox.parse(rotated.clues.contactKeys!).currentKeyId;
    const rows = await t.database.db.select().from(schema.clues);
    for (const r of rows.filter((x) => x.contactCiphertext)) expect(r.contactKeyId).toBe(newId);
    expect(await rekeyContacts(t.database.db, rotated)).toBe(0);
  });
});
