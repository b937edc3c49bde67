// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, expect, test, vi } from 'vitest';
import { ed25519SignerFromSeed, Ledger, MemoryLedgerStore } from '@rectify/ledger';
import { encodeEventLeaf } from '../../../server/src/features/ledger/leaf.ts';
import { ProblemTimeline } from '../../src/console/pages/problems/components/ProblemTimeline.tsx';
import { forgetVerifierKey } from '../../src/lib/ledger/verify.ts';
import type { EvidenceFile } from '../../src/console/services/evidence.ts';
import type { ProblemEvent, SubjectProofs } from '../../src/console/pages/problems/service.ts';
import { renderConsole } from './render.tsx';

const signer = ed25519SignerFromSeed('rectify.local/log', new Uint8Array(32).fill(3));
// The log's key as the server publishes it at /log/key; 已验证 needs the checkpoint signed by it.
beforeEach(() => {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async (url: string) =>
        new Response(url === '/log/key' ? `${signer.vkey}\n` : '', { status: url === '/log/key' ? 200 : 404 }),
    ),
  );
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  forgetVerifierKey();
});

const PROBLEM = '6f1f8c1e-3a43-4d0e-9d55-0c3f6d1a2b01';
const LEAD = '0b7c5a8e-1111-4f00-8000-000000000001';
const CO = '0b7c5a8e-2222-4f00-8000-000000000002';
const PHOTO = 'a'.repeat(64);
const units = new Map([
  [LEAD, '湖州市住房和城乡建设局'],
  [CO, '湖州市综合行政执法局'],
]);

const event = (id: number, at: string, actor: string, type: string, payload: unknown, evidence: string[] = []) =>
  ({
    id,
    at,
    actorUsername: actor,
    type,
    subjectType: 'problem',
    subjectId: PROBLEM,
    regionCode: '330502',
    payload,
    evidence,
  }) satisfies ProblemEvent;

/** Events shaped like `GET /api/problems/:id/events` answers them. */
const events: ProblemEvent[] = [
  event(11, '2026-03-01T02:00:00.000Z', 'member', 'problem.created', { title: '小区加装电梯审批慢', to: 'draft' }),
  event(12, '2026-03-01T03:00:00.000Z', 'cppcc_staff', 'problem.confirmed', {
    from: 'draft',
    to: 'listed',
    role: 'cppcc_staff',
    input: {},
  }),
  event(13, '2026-03-02T01:30:00.000Z', 'cppcc_staff', 'problem.assigned', {
    from: 'listed',
    to: 'assigned',
    role: 'cppcc_staff',
    input: {
      leadUnitId: LEAD,
      coUnitIds: [CO],
      responsibleLeader: '分管副局长',
      responsiblePerson: 'unit_liaison',
      deadline: '2026-06-30',
    },
  }),
  event(14, '2026-03-05T06:00:00.000Z', 'unit_liaison', 'problem.plan_submitted', {
    from: 'assigned',
    to: 'plan_review',
    role: 'unit_liaison',
    planVersion: 1,
    input: {
      goal: '审批提速',
      rootCause: '流程繁琐',
      measures: [
        { text: '精简材料', owner: '审批科', due: '2026-04-01' },
        { text: '并联审批', owner: '审批科', due: '2026-05-01' },
      ],
      deadline: '2026-06-01',
      evidence: [],
    },
  }),
  event(
    15,
    '2026-04-10T08:20:00.000Z',
    'unit_liaison',
    'problem.progress_reported',
    {
      from: 'rectifying',
      to: 'rectifying',
      role: 'unit_liaison',
      input: {
        period: '第 1 期',
        percent: 40,
        done: '已精简申报材料 6 项',
        nextSteps: '推进并联审批',
        evidence: [PHOTO],
      },
    },
    [PHOTO],
  ),
  event(16, '2026-04-12T01:00:00.000Z', 'leader', 'problem.urged', {
    from: 'rectifying',
    to: 'rectifying',
    role: 'leader',
    input: { note: '请加快整改进度' },
  }),
];

const files: Record<string, EvidenceFile> = {
  [PHOTO]: {
    mime: 'image/jpeg',
    size: 20480,
    originalName: '现场照片.jpg',
    exif: { takenAt: '2026-04-10 16:05:00', latitude: 30.8936, longitude: 120.0868, make: null, model: null },
  },
};

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
let proofs: SubjectProofs;

/**
 * Proofs as `GET /api/ledger/subjects/problem/:id` answers them, built by the server's own log code over the server's
 * leaf encoding: events 11–15 are in a log of 8 leaves (two leaves of other subjects around them), 14's proof is
 * tampered with, 16 is not yet in the log.
 */
beforeAll(async () => {
  const ledger = new Ledger(new MemoryLedgerStore());
  const other = new TextEncoder().encode('rectify-event/v1\n{"id":1}');
  const leaves = events
    .slice(0, 5)
    .map((e) => encodeEventLeaf({ ...e, actorId: null, unitId: null, payload: e.payload }));
  await ledger.append([other, ...leaves, other, other]);
  const size = 8;
  const root = await ledger.root(size);
  const out: SubjectProofs['events'] = [];
  for (const [i, e] of events.slice(0, 5).entries()) {
    const index = i + 1;
    const path = (await ledger.inclusionProof(index, size)).map(b64);
    if (e.id === 14) path[0] = b64(new Uint8Array(32).fill(7));
    const leafHash = await crypto.subtle.digest('SHA-256', new Uint8Array([0, ...leaves[i]!]));
    out.push({
      eventId: e.id,
      at: e.at,
      type: e.type,
      status: 'published',
      leafIndex: index,
      leaf: b64(leaves[i]!),
      leafHash: b64(new Uint8Array(leafHash)),
      inclusionProof: path,
    });
  }
  out.push({
    eventId: 16,
    at: events[5]!.at,
    type: events[5]!.type,
    status: 'pending',
    leafIndex: null,
    leaf: null,
    leafHash: null,
    inclusionProof: null,
  });
  const note = await ledger.signCheckpoint('rectify.local/log', [signer], { size });
  proofs = { checkpoint: { origin: 'rectify.local/log', size, root: b64(root), note }, events: out };
});

const sentences = () => screen.getAllByTestId('event-sentence').map((e) => e.textContent);

test('each event reads as a Chinese sentence with its time in Asia/Shanghai and its state change', () => {
  renderConsole(<ProblemTimeline events={events} files={files} proofs={proofs} units={units} />);
  expect(sentences()).toEqual([
    'member 提出问题“小区加装电梯审批慢”',
    'cppcc_staff 确认列入问题清单',
    'cppcc_staff 交办：湖州市住房和城乡建设局牵头，协办单位 湖州市综合行政执法局，责任领导 分管副局长，责任人 unit_liaison，整改时限 2026-06-30',
    'unit_liaison 提交整改方案第 1 版（2 项措施，完成时限 2026-06-01）',
    'unit_liaison 报送第 1 期进展：完成 40%，已精简申报材料 6 项',
    'leader 催办：请加快整改进度',
  ]);
  const timeline = screen.getByTestId('problem-timeline');
  expect(timeline.textContent).toContain('2026-03-01 10:00:00');
  expect(timeline.textContent).toContain('2026-04-10 16:20:00');
  expect(timeline.textContent).toContain('待确认 → 已列入清单');
  expect(timeline.textContent).toContain('已交办 → 方案审核中');
  expect(timeline.textContent).not.toContain('{');
});

test('a photo shows as a thumbnail with its EXIF time and place', () => {
  renderConsole(<ProblemTimeline events={events} files={files} proofs={proofs} units={units} />);
  const photo = screen.getByTestId('evidence-photo');
  expect(photo.querySelector('img')?.getAttribute('src')).toBe(`/api/evidence/${PHOTO}`);
  expect(photo.textContent).toContain('拍摄于 2026-04-10 16:05:00');
  expect(photo.textContent).toContain('位置 30.89360, 120.08680');
});

test('ledger proofs are checked in the browser: 已验证 only where the proof leads to the checkpoint root', async () => {
  renderConsole(<ProblemTimeline events={events} files={files} proofs={proofs} units={units} />);
  const status = () => screen.getAllByTestId('proof-status');
  await waitFor(() => expect(status().filter((s) => s.dataset.outcome === 'checking')).toHaveLength(0));
  const outcomes = status().map((s) => s.dataset.outcome ?? s.textContent);
  expect(outcomes).toEqual(['verified', 'verified', 'verified', 'failed', 'verified', '待写入透明日志']);
  expect(status()[0]!.textContent).toContain('已存证');
  expect(status()[0]!.textContent).toContain('叶子 #1，检查点大小 8');
  expect(status()[0]!.textContent).toContain('已验证');
  expect(status()[3]!.textContent).toContain('验证失败');
  expect(status()[3]!.textContent).not.toContain('已验证');
});

test('a leaf that does not hash to its claimed leaf hash is not verified, even with a valid path', async () => {
  const forged = structuredClone(proofs);
  forged.events[0]!.leaf = b64(new TextEncoder().encode('rectify-event/v1\n{"id":11,"type":"forged"}'));
  renderConsole(<ProblemTimeline events={events.slice(0, 1)} files={files} proofs={forged} units={units} />);
  await waitFor(() => expect(screen.getByTestId('proof-status').dataset.outcome).toBe('failed'));
});
