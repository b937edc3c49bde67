import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { insertUnit, schema, Scope } from '@rectify/db';
import { DEMO_ROLES } from '@rectify/domain';
import { createUser } from '../src/features/users/service.ts';
import { as, DEMO_PASSWORD, expectError, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;
type Client = ReturnType<typeof as>;
const c: Record<string, Client> = {};
let county: Client; // cppcc_staff of 吴兴区 (330502) only

beforeAll(async () => {
  t = await startTestPlatform({ env: { RECTIFY_PUBLIC_READS_PER_MINUTE: '100000' } });
  for (const role of DEMO_ROLES) c[role] = as(t.app, await login(t.app, role));
  const [existing] = await t.database.db.select().from(schema.units).where(eq(schema.units.regionCode, '330502'));
  const unit =
    existing ??
    (await insertUnit(t.database.db, { name: '政协湖州市吴兴区委员会', kind: 'cppcc', regionCode: '330502' }));
  await createUser(
    t.database.db,
    Scope.system(),
    { userId: null, username: 'system' },
    {
      username: 'wuxing-staff',
      displayName: '吴兴区政协办',
      unitId: unit.id,
      password: DEMO_PASSWORD,
      grants: [{ role: 'cppcc_staff', regionCode: '330502', unitId: null }],
    },
  );
  county = as(t.app, await login(t.app, 'wuxing-staff'));
});
afterAll(() => t.close());

const draft = (extra: Record<string, unknown> = {}) => ({
  kind: 'notice',
  title: '关于开展2026年度民生实事专项评议的公告',
  body: '市政协将于12月开展民生实事专项评议，欢迎群众通过门户反映意见建议。联系人张建国，电话13812345678。',
  ...extra,
});
const pub = (url: string) => t.app.inject({ method: 'GET', url });

async function create(client: Client, extra: Record<string, unknown> = {}) {
  const res = await client('POST', '/api/bulletins', draft(extra));
  expect(res.statusCode).toBe(201);
  return res.json();
}
async function step(client: Client, id: string, action: 'publish' | 'withdraw') {
  const { version } = (await client('GET', `/api/bulletins/${id}`)).json();
  return client('POST', `/api/bulletins/${id}/${action}`, { version });
}

describe('bulletins for staff', () => {
  it.each(DEMO_ROLES)('%s: may read and manage bulletins only as its role allows', async (role) => {
    const allowed = role === 'cppcc_staff' || role === 'admin';
    const list = await c[role]!('GET', '/api/bulletins');
    const made = await c[role]!('POST', '/api/bulletins', draft({ title: `${role}起草的公告标题` }));
    if (allowed) {
      expect(list.statusCode).toBe(200);
      expect(made.statusCode).toBe(201);
      expect(made.json()).toMatchObject({ state: 'draft', regionCode: '330500', version: 1, kindLabel: '公告' });
    } else {
      expectError(list, 403);
      expectError(made, 403);
    }
  });

  it('refuses the admin under 三员分立', async () => {
    const separated = await startTestPlatform({ env: { RECTIFY_SEPARATION_OF_DUTIES: 'true' } });
    try {
      const admin = as(separated.app, await login(separated.app, 'admin'));
      expectError(await admin('GET', '/api/bulletins'), 403);
      const staff = as(separated.app, await login(separated.app, 'cppcc_staff'));
      expect((await staff('GET', '/api/bulletins')).statusCode).toBe(200);
    } finally {
      await separated.close();
    }
  });

  it('edits at a version, publishes, withdraws and republishes; every change audited', async () => {
    const b = await create(c.cppcc_staff!);
    const edited = await c.cppcc_staff!('PATCH', `/api/bulletins/${b.id}`, {
      version: 1,
      title: '关于开展民生实事专项评议的公告',
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toMatchObject({ version: 2, title: '关于开展民生实事专项评议的公告' });
    expectError(await c.cppcc_staff!('PATCH', `/api/bulletins/${b.id}`, { version: 1, title: '过期版本的修改' }), 409);
    expectError(await c.cppcc_staff!('PATCH', `/api/bulletins/${b.id}`, { version: 2 }), 400);
    expectError(await c.cppcc_staff!('PATCH', `/api/bulletins/${b.id}`, { version: 2, kind: 'other' }), 400);
    expectError(await step(c.cppcc_staff!, b.id, 'withdraw'), 409, 'illegal_transition');

    const published = await step(c.cppcc_staff!, b.id, 'publish');
    expect(published.statusCode).toBe(200);
    expect(published.json().state).toBe('published');
    const firstPublishedAt = published.json().publishedAt;
    expect(firstPublishedAt).not.toBeNull();
    expectError(await step(c.cppcc_staff!, b.id, 'publish'), 409, 'illegal_transition');
    expectError(await c.cppcc_staff!('POST', `/api/bulletins/${b.id}/withdraw`, { version: 1 }), 409);
    expect((await step(c.cppcc_staff!, b.id, 'withdraw')).json().state).toBe('withdrawn');
    expectError(await c.cppcc_staff!('PATCH', `/api/bulletins/${b.id}`, { version: 4, title: '撤回后不能修改' }), 409);
    const again = (await step(c.cppcc_staff!, b.id, 'publish')).json();
    expect(again).toMatchObject({ state: 'published', publishedAt: firstPublishedAt, version: 5 });

    const audit = await t.database.db
      .select({ action: schema.auditLog.action, actor: schema.auditLog.actorUsername })
      .from(schema.auditLog)
      .where(eq(schema.auditLog.outcome, 'success'));
    const mine = audit
      .filter((a) => a.action.startsWith('bulletin.') && a.actor === 'cppcc_staff')
      .map((a) => a.action);
    for (const action of ['bulletin.create', 'bulletin.update', 'bulletin.publish', 'bulletin.withdraw'])
      expect(mine).toContain(action);
  });

  it('keeps county staff inside their region subtree', async () => {
    const cityOnly = await create(c.cppcc_staff!, { title: '市级公告：全市评议工作安排' });
    const local = await create(county, { title: '吴兴区公告：区级评议工作安排' });
    expect(local.regionCode).toBe('330502');
    const town = await create(county, { title: '镇级公告：织里镇评议工作安排', regionCode: '330502001' });
    expect(town.regionCode).toBe('330502001');
    expectError(await county('POST', '/api/bulletins', draft({ regionCode: '330500' })), 403);
    expectError(await county('POST', '/api/bulletins', draft({ regionCode: '330503' })), 403);
    expectError(await c.cppcc_staff!('POST', '/api/bulletins', draft({ regionCode: '330502999' })), 400);

    const seen = (await county('GET', '/api/bulletins?pageSize=200')).json().items.map((b: { id: string }) => b.id);
    expect(seen).toContain(local.id);
    expect(seen).toContain(town.id);
    expect(seen).not.toContain(cityOnly.id);
    expectError(await county('GET', `/api/bulletins/${cityOnly.id}`), 404);
    expectError(await county('POST', `/api/bulletins/${cityOnly.id}/publish`, { version: 1 }), 404);
    const cityView = (await c.cppcc_staff!('GET', '/api/bulletins?pageSize=200'))
      .json()
      .items.map((b: { id: string }) => b.id);
    expect(cityView).toEqual(expect.arrayContaining([cityOnly.id, local.id, town.id]));
  });

  it('refuses bad input with a message, never a 500', async () => {
    expectError(await c.cppcc_staff!('POST', '/api/bulletins', draft({ kind: 'rumour' })), 400);
    expectError(await c.cppcc_staff!('POST', '/api/bulletins', draft({ title: '短' })), 400);
    expectError(await c.cppcc_staff!('POST', '/api/bulletins', draft({ extra: true })), 400);
    expectError(await c.cppcc_staff!('POST', '/api/bulletins', draft({ regionCode: 'abc' })), 400);
    expectError(await c.cppcc_staff!('GET', '/api/bulletins/not-a-uuid'), 400);
    expectError(await c.cppcc_staff!('GET', '/api/bulletins?pageSize=100000'), 400);
    expectError(await c.cppcc_staff!('POST', `/api/bulletins/${crypto.randomUUID()}/publish`, { version: 1 }), 404);
  });
});

describe('bulletins for the public', () => {
  let published: { id: string };
  let town: { id: string };
  let withdrawn: { id: string };
  let unpublished: { id: string };
  beforeAll(async () => {
    published = await create(c.cppcc_staff!, {
      kind: 'result',
      title: '背街小巷路灯整改结果通报',
      body: '经整改，全市背街小巷新增路灯120盏。举报人李明（电话13900001111，身份证330502199001011234）已回访满意。',
    });
    expect((await step(c.cppcc_staff!, published.id, 'publish')).statusCode).toBe(200);
    town = await create(county, { kind: 'progress', title: '织里镇农贸市场整改进展通报', regionCode: '330502001' });
    expect((await step(county, town.id, 'publish')).statusCode).toBe(200);
    withdrawn = await create(c.cppcc_staff!, { title: '已撤回的公告不应公开' });
    await step(c.cppcc_staff!, withdrawn.id, 'publish');
    await step(c.cppcc_staff!, withdrawn.id, 'withdraw');
    unpublished = await create(c.cppcc_staff!, { title: '草稿公告不应公开显示' });
  });

  it('lists published bulletins only, masked, filtered by region subtree, kind and search, paginated', async () => {
    const all = (await pub('/api/public/bulletins?pageSize=200')).json();
    const ids = all.items.map((b: { id: string }) => b.id);
    expect(ids).toEqual(expect.arrayContaining([published.id, town.id]));
    expect(ids).not.toContain(withdrawn.id);
    expect(ids).not.toContain(unpublished.id);
    const text = JSON.stringify(all);
    expect(text).not.toContain('13900001111');
    expect(text).not.toContain('330502199001011234');
    expect(text).not.toContain('13812345678');
    expect(text).toContain('139****1111');

    const wuxing = (await pub('/api/public/bulletins?region=330502&pageSize=200'))
      .json()
      .items.map((b: { id: string }) => b.id);
    expect(wuxing).toContain(town.id);
    expect(wuxing).not.toContain(published.id);
    const nanxun = (await pub('/api/public/bulletins?region=330503')).json();
    expect(nanxun.items.map((b: { id: string }) => b.id)).not.toContain(town.id);

    const results = (await pub('/api/public/bulletins?kind=result&pageSize=200')).json().items;
    expect(results.every((b: { kind: string }) => b.kind === 'result')).toBe(true);
    const found = (await pub(`/api/public/bulletins?q=${encodeURIComponent('路灯整改')}`)).json();
    expect(found.items.map((b: { id: string }) => b.id)).toEqual([published.id]);
    expect((await pub(`/api/public/bulletins?q=${encodeURIComponent('%')}`)).json().total).toBe(0);

    const page1 = (await pub('/api/public/bulletins?pageSize=1&page=1')).json();
    const page2 = (await pub('/api/public/bulletins?pageSize=1&page=2')).json();
    expect(page1.total).toBe(all.total);
    expect(page1.items).toHaveLength(1);
    expect(page2.items[0].id).not.toBe(page1.items[0].id);
    expectError(await pub('/api/public/bulletins?region=12'), 400);
    expectError(await pub('/api/public/bulletins?pageSize=0'), 400);
  });

  it('shows a published bulletin, masked, and 404 for drafts, withdrawn and unknown ones', async () => {
    const res = await pub(`/api/public/bulletins/${published.id}`);
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view).toMatchObject({ kind: 'result', kindLabel: '结果通报', title: '背街小巷路灯整改结果通报' });
    expect(view.body).not.toContain('13900001111');
    expect(view.body).not.toContain('李明');
    expect(view).not.toHaveProperty('state');
    expect(view).not.toHaveProperty('version');
    for (const id of [withdrawn.id, unpublished.id, crypto.randomUUID()])
      expectError(await pub(`/api/public/bulletins/${id}`), 404);
    expectError(await pub('/api/public/bulletins/abc'), 400);
  });

  it("puts published bulletins of the region subtree in the region's Atom and RSS feeds, masked", async () => {
    const atom = (await pub('/api/public/feed/330500.atom')).body;
    expect(atom).toContain(`/api/public/bulletins/${published.id}`);
    expect(atom).toContain(`/api/public/bulletins/${town.id}`);
    expect(atom).toContain('【结果通报】');
    expect(atom).not.toContain(withdrawn.id);
    expect(atom).not.toContain(unpublished.id);
    expect(atom).not.toContain('13900001111');
    const rss = (await pub('/api/public/feed/330502.rss')).body;
    expect(rss).toContain(`/api/public/bulletins/${town.id}`);
    expect(rss).not.toContain(published.id);
  });
});
