import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBase64Strict, openNote, parseCheckpoint, parseVerifierKey, verifyInclusion } from '@rectify/ledger';
import { expectError } from './helpers.ts';
import { problemActors } from './problem-steps.ts';
import { ledgerService, startLedgerPlatform } from './ledger-helpers.ts';

const bytes = (s: string) => decodeBase64Strict(s)!;
const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const EVIDENCE = 'c'.repeat(64);

let t: Awaited<ReturnType<typeof startLedgerPlatform>>;
let service: ReturnType<typeof ledgerService>;
let c: Awaited<ReturnType<typeof problemActors>>['c'];
let housing: string;
let step: Awaited<ReturnType<typeof problemActors>>['step'];

beforeAll(async () => {
  t = await startLedgerPlatform({ RECTIFY_PUBLIC_READS_PER_MINUTE: '10000' });
  service = ledgerService(t);
  ({ c, housing, step } = await problemActors(t, ['cppcc_staff', 'supervisor', 'unit_liaison', 'member']));
});
afterAll(() => t.close());

const progress = (period: string) => ({
  period,
  percent: 60,
  done: '已更换 12 盏',
  nextSteps: '更换其余 8 盏',
  evidence: [],
});

/** A problem carried through plan and one progress report, then (unless `open`) closure and on-site verification. */
async function problem(title: string, open = false): Promise<string> {
  const res = await c.cppcc_staff!('POST', '/api/problems', {
    title,
    description: `${title}，群众反映强烈。`,
    source: 'campaign',
    regionCode: '330502',
  });
  expect(res.statusCode).toBe(201);
  const id = res.json().id as string;
  await step('cppcc_staff', id, 'confirm', {});
  await step('cppcc_staff', id, 'assign', {
    leadUnitId: housing,
    responsibleLeader: '局长',
    responsiblePerson: '科长',
    deadline: inDays(20),
  });
  await step('unit_liaison', id, 'submit_plan', {
    goal: '解决',
    rootCause: '管理缺位',
    measures: [{ text: '更换路灯', owner: '科室', due: inDays(10) }],
    deadline: inDays(20),
  });
  await step('cppcc_staff', id, 'approve_plan', { checklist: [{ item: '合规', ok: true }] });
  await step('unit_liaison', id, 'report_progress', progress('第一周'));
  if (open) return id;
  await step('unit_liaison', id, 'request_closure', {
    summary: '完成',
    proposedOutcome: 'resolved',
    evidence: [EVIDENCE],
  });
  await step('cppcc_staff', id, 'accept_closure', {});
  await step('supervisor', id, 'verify_pass', { outcome: 'resolved', notes: '属实', evidence: [EVIDENCE] });
  return id;
}

const publish = async (
  id: string,
  parts: { published: boolean; measures: boolean; progress: boolean; result: boolean },
) => expect((await c.cppcc_staff!('PUT', `/api/problems/${id}/publication`, parts)).statusCode).toBe(200);

/** The public endpoint, without any session. */
const proofs = (id: string) => t.app.inject({ method: 'GET', url: `/api/public/problems/${id}/proofs` });

describe('GET /api/public/problems/:id/proofs', () => {
  let published: string;
  let unpublished: string;

  beforeAll(async () => {
    published = await problem('背街小巷路灯不亮');
    unpublished = await problem('农贸市场排水不畅');
    await publish(published, { published: true, measures: true, progress: true, result: false });
  });

  it('answers 404 for a problem staff did not publish, an unknown one, and 400 for a malformed id', async () => {
    await service.runOnce();
    expectError(await proofs(unpublished), 404);
    expectError(await proofs('00000000-0000-4000-8000-000000000000'), 404);
    expectError(await proofs('not-a-uuid'), 400);
  });

  it('lists only the published parts, with proofs that verify against the signed checkpoint and the public key', async () => {
    const res = await proofs(published);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    // Measures and progress are published, the result is not: the approved plan and the progress report only.
    expect(body.events.map((e: { type: string }) => e.type)).toEqual([
      'problem.plan_submitted',
      'problem.progress_reported',
    ]);
    const vkey = (await t.app.inject({ method: 'GET', url: '/log/key' })).body.trim();
    const note = openNote(body.checkpoint.note, [parseVerifierKey(vkey)]); // throws unless signed by the log key
    const cp = parseCheckpoint(note.text);
    expect(cp.size).toBe(body.checkpoint.size);
    expect(cp.root).toEqual(bytes(body.checkpoint.root));
    for (const e of body.events) {
      expect(e.status).toBe('published');
      // The leaf holds the whole event, unmasked, with its actor: never on the public side.
      expect(e).not.toHaveProperty('leaf');
      verifyInclusion(e.leafIndex, cp.size, bytes(e.leafHash), e.inclusionProof.map(bytes), cp.root);
    }
    // The proof is for this event: the leaf the staff API returns for it hashes to the same leaf hash.
    const staffView = (await c.cppcc_staff!('GET', `/api/ledger/subjects/problem/${published}`)).json();
    for (const e of body.events) {
      const same = staffView.events.find((s: { eventId: number }) => s.eventId === e.eventId);
      expect(same.leafHash).toBe(e.leafHash);
      expect(same.leafIndex).toBe(e.leafIndex);
    }
    // A tampered proof does not verify.
    const tampered = body.events[0].inclusionProof.map(bytes);
    tampered[0]![0] ^= 1;
    expect(() =>
      verifyInclusion(body.events[0].leafIndex, cp.size, bytes(body.events[0].leafHash), tampered, cp.root),
    ).toThrow();
  });

  it('adds the verification once the result is published, and answers signed-in callers the same', async () => {
    await publish(published, { published: true, measures: false, progress: false, result: true });
    const anonymous = (await proofs(published)).json();
    expect(anonymous.events.map((e: { type: string }) => e.type)).toEqual(['problem.verified']);
    for (const role of ['member', 'cppcc_staff']) {
      const res = await c[role]!('GET', `/api/public/problems/${published}/proofs`);
      expect(res.statusCode, role).toBe(200);
      expect(res.json()).toEqual(anonymous);
    }
  });

  it('marks a public event not yet in a checkpoint as pending, and answers 404 again once unpublished', async () => {
    const open = await problem('小区垃圾分类设施不足', true);
    await publish(open, { published: true, measures: true, progress: true, result: true });
    await service.runOnce();
    await step('unit_liaison', open, 'report_progress', progress('第二周'));
    const before = (await proofs(open)).json();
    expect(before.events.map((e: { status: string }) => e.status)).toEqual(['published', 'published', 'pending']);
    expect(before.events[2]).toMatchObject({ leafIndex: null, leafHash: null, inclusionProof: null });
    await service.runOnce();
    const after = (await proofs(open)).json();
    expect(after.events.map((e: { status: string }) => e.status)).toEqual(['published', 'published', 'published']);
    expect(after.checkpoint.size).toBeGreaterThan(before.checkpoint.size);
    await publish(open, { published: false, measures: true, progress: true, result: true });
    expectError(await proofs(open), 404);
  });
});
