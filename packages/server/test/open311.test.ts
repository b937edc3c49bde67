import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, login, startTestPlatform, type TestPlatform } from './helpers.ts';

let t: TestPlatform;

/** Field names of GeoReport v2 (https://wiki.open311.org/GeoReport_v2). */
const SERVICE_FIELDS = ['service_code', 'service_name', 'description', 'metadata', 'type', 'keywords', 'group'];
const REQUEST_FIELDS = [
  'service_request_id',
  'status',
  'status_notes',
  'service_name',
  'service_code',
  'description',
  'agency_responsible',
  'service_notice',
  'requested_datetime',
  'updated_datetime',
  'expected_datetime',
  'address',
  'address_id',
  'zipcode',
  'lat',
  'long',
  'media_url',
];

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const post = (file: string, fields: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: `/open311/v2/${file}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: form(fields),
  });
const get = (url: string) => t.app.inject({ method: 'GET', url });

beforeAll(async () => {
  t = await startTestPlatform({
    env: { RECTIFY_PUBLIC_SUBMITS_PER_MINUTE: '1000', RECTIFY_PUBLIC_READS_PER_MINUTE: '1000' },
  });
});
afterAll(() => t.close());

describe('Open311 GeoReport v2', () => {
  it('lists services (the clue categories) in JSON and XML', async () => {
    const json = await get('/open311/v2/services.json');
    expect(json.statusCode).toBe(200);
    const services = json.json();
    expect(services.length).toBeGreaterThan(3);
    for (const s of services) expect(Object.keys(s).sort()).toEqual([...SERVICE_FIELDS].sort());
    expect(services[0].metadata).toBe(false);
    expect(services[0].type).toBe('realtime');
    const xml = await get('/open311/v2/services.xml');
    expect(xml.headers['content-type']).toContain('text/xml');
    expect(xml.body).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?>\n<services><service><service_code>C01<\/service_code>/,
    );
    for (const f of SERVICE_FIELDS) expect(xml.body).toContain(`<${f}>`);
    const def = (await get('/open311/v2/services/C01.json')).json();
    expect(def).toEqual({ service_code: 'C01', attributes: [] });
  });

  it('accepts a lat/long-only request without api_key and places it in the top region', async () => {
    const res = await post('requests.json', {
      service_code: 'C01',
      lat: '30.8945123',
      long: '120.0868456',
      description: '道路中间有一个很深的坑，电动车经过很危险，联系电话13812345678。',
      first_name: '伟',
      last_name: '张',
      phone: '13812345678',
      email: 'zw@example.com',
    });
    expect(res.statusCode).toBe(201);
    const [answer] = res.json();
    expect(Object.keys(answer).sort()).toEqual(['account_id', 'service_notice', 'service_request_id']);
    expect(answer.service_notice).toMatch(/查询码 [2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}/);
    const id = answer.service_request_id;

    const one = await get(`/open311/v2/requests/${id}.json`);
    const [req] = one.json();
    expect(Object.keys(req).sort()).toEqual([...REQUEST_FIELDS].sort());
    expect(req.status).toBe('open');
    expect(req.service_code).toBe('C01');
    expect(req.lat).toBe(30.895);
    expect(req.long).toBe(120.087);
    expect(req.description).toContain('138****5678');
    expect(one.body).not.toContain('13812345678');
    expect(req.requested_datetime).toMatch(/^\d{4}-\d\d-\d\dT/);

    const staff = as(t.app, await login(t.app, 'cppcc_staff'));
    const clue = (await staff('GET', `/api/clues/${id}`)).json();
    expect(clue.regionCode).toBe('330500');
    expect(clue.channel).toBe('open311');
    expect((await staff('GET', `/api/clues/${id}/contact`)).json().contact).toEqual({
      name: '张伟',
      phone: '13812345678',
      email: 'zw@example.com',
    });

    const xml = await get(`/open311/v2/requests/${id}.xml`);
    expect(xml.body).toContain(`<service_requests><request><service_request_id>${id}</service_request_id>`);
    for (const f of REQUEST_FIELDS) expect(xml.body).toMatch(new RegExp(`<${f}(>|/>)`));
    const token = (await get(`/open311/v2/tokens/${id}.json`)).json();
    expect(token).toEqual([{ token: id, service_request_id: id }]);
  });

  it('accepts an address-only request in XML, a jurisdiction_id region, and lists with filters', async () => {
    const xml = await post('requests.xml', {
      service_code: 'C05',
      address_string: '德清县武康街道某路口',
      jurisdiction_id: '330521',
      description: '路口附近工厂夜间排放刺鼻气味，影响居民休息。',
    });
    expect(xml.statusCode).toBe(201);
    expect(xml.body).toMatch(
      /<service_requests><request><service_request_id>[0-9a-f-]{36}<\/service_request_id><service_notice>/,
    );
    const list = (await get('/open311/v2/requests.json?service_code=C05&status=open')).json();
    expect(list.length).toBe(1);
    expect(list[0].address).toContain('德清县');
    expect((await get('/open311/v2/requests.json?status=closed')).json()).toEqual([]);
  });

  it('answers errors in the GeoReport error format', async () => {
    const noLocation = await post('requests.json', { service_code: 'C01', description: '没有位置信息的请求内容' });
    expect(noLocation.statusCode).toBe(400);
    const [err] = noLocation.json();
    expect(Object.keys(err).sort()).toEqual(['code', 'description']);
    expect(err.code).toBe(400);
    const badService = await post('requests.xml', {
      service_code: 'X',
      lat: '30',
      long: '120',
      description: '内容足够长的请求',
    });
    expect(badService.body).toMatch(/<errors><error><code>400<\/code><description>/);
    const badKey = await post('requests.json', {
      api_key: 'rct_nope',
      service_code: 'C01',
      lat: '30',
      long: '120',
      description: '带了无效密钥的请求',
    });
    expect(badKey.statusCode).toBe(403);
    expect((await get('/open311/v2/requests/nope.json')).statusCode).toBe(404);
  });
});
