// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, expect, test, vi } from 'vitest';
import { ed25519SignerFromSeed, Ledger, MemoryLedgerStore } from '@rectify/ledger';
import {
  checkCheckpoint,
  checkInclusion,
  forgetVerifierKey,
  parseVerifierKey,
  rootFromInclusionProof,
  type EventInclusion,
  type ServedCheckpoint,
  type VerifierKey,
} from '../../src/lib/ledger/verify.ts';
import { RecordProof } from '../../src/portal/components/RecordProof.tsx';
import { PortalI18n, portalT } from '../../src/portal/i18n.ts';
import vectors from '../../../ledger/test/fixtures/merkle/rfc6962-reference.json';

const ORIGIN = 'zx.huzhou.example/log';
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');
const seed = (n: number) => new Uint8Array(32).fill(n);

/**
 * A real log signed by packages/ledger (Node crypto): 13 leaves, a checkpoint signed with an Ed25519 key from a
 * fixed seed, and the proofs of leaves 0, 6 and 12 as the public API gives them.
 */
let note: string;
let vkey: string;
let otherVkey: string;
let served: ServedCheckpoint;
let proofs: (EventInclusion & { eventId: number; at: string; type: string })[];
let key: VerifierKey;

beforeAll(async () => {
  const signer = ed25519SignerFromSeed(ORIGIN, seed(7));
  vkey = signer.vkey;
  otherVkey = ed25519SignerFromSeed(ORIGIN, seed(8)).vkey;
  const ledger = new Ledger(new MemoryLedgerStore());
  const leaves = Array.from({ length: 13 }, (_, i) => new TextEncoder().encode(`rectify-event/v1\n{"id":${i + 1}}`));
  await ledger.append(leaves);
  note = await ledger.signCheckpoint(ORIGIN, [signer]);
  served = { size: 13, root: b64(await ledger.root(13)), note };
  proofs = [];
  for (const [i, type] of [
    [0, 'problem.plan_submitted'],
    [6, 'problem.progress_reported'],
    [12, 'problem.verified'],
  ] as const) {
    const leafHash = new Uint8Array(await crypto.subtle.digest('SHA-256', new Uint8Array([0, ...leaves[i]!])));
    proofs.push({
      eventId: i + 1,
      at: '2026-04-10T08:00:00.000Z',
      type,
      status: 'published',
      leafIndex: i,
      leafHash: b64(leafHash),
      inclusionProof: (await ledger.inclusionProof(i, 13)).map(b64),
    });
  }
  key = (await parseVerifierKey(vkey))!;
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
  forgetVerifierKey();
});

/** Replace one base64 character of the root line of a checkpoint body. */
const tamperRoot = (n: string) => {
  const lines = n.split('\n');
  lines[2] = (lines[2]![0] === 'A' ? 'B' : 'A') + lines[2]!.slice(1);
  return lines.join('\n');
};
const flipFirstHash = (p: string[]) => {
  const h = Buffer.from(p[0]!, 'base64');
  h[0]! ^= 1;
  return [h.toString('base64'), ...p.slice(1)];
};

test('a verifier key parses only with its key ID: first 4 bytes of SHA-256(name ‖ 0x0A ‖ 0x01 ‖ pubkey)', async () => {
  expect(key.name).toBe(ORIGIN);
  expect(key.text).toBe(vkey);
  const [, name, id, material] = /^([^+]+)\+([0-9a-f]{8})\+(.+)$/.exec(vkey)! as unknown as [
    string,
    string,
    string,
    string,
  ];
  const wrongId = (parseInt(id, 16) ^ 1).toString(16).padStart(8, '0');
  expect(await parseVerifierKey(`${name}+${wrongId}+${material}`)).toBeNull();
  expect(await parseVerifierKey(`other.example/log+${id}+${material}`)).toBeNull();
  expect(await parseVerifierKey(`${name}+${id}`)).toBeNull();
  expect(await parseVerifierKey('')).toBeNull();
  // Key material whose base64 holds '+' (seed 8) parses.
  expect((await parseVerifierKey(otherVkey))?.text).toBe(otherVkey);
  expect(otherVkey.split('+').length).toBeGreaterThan(3);
});

test('the signed checkpoint verifies with the log key; a tampered root or another key does not', async () => {
  expect(await checkCheckpoint(note, key)).toMatchObject({
    signature: 'valid',
    checkpoint: { origin: ORIGIN, size: 13 },
  });
  expect((await checkCheckpoint(tamperRoot(note), key)).signature).toBe('invalid');
  expect((await checkCheckpoint(note, (await parseVerifierKey(otherVkey))!)).signature).toBe('invalid');
  // A note with no signature line by the key at all.
  expect(
    (await checkCheckpoint(note.slice(0, note.lastIndexOf('\n\n') + 2) + '— someone.else AAAAAAAA\n', key)).signature,
  ).toBe('invalid');
});

test('inclusion: 已验证 for the real proofs; a tampered proof, a tampered root or a wrong key each fail', async () => {
  for (const p of proofs) expect(await checkInclusion(p, served, key)).toBe('verified');
  const p = proofs[1]!;
  expect(await checkInclusion({ ...p, inclusionProof: flipFirstHash(p.inclusionProof!) }, served, key)).toBe('failed');
  expect(await checkInclusion({ ...p, leafIndex: 5 }, served, key)).toBe('failed');
  expect(await checkInclusion({ ...p, inclusionProof: p.inclusionProof!.slice(1) }, served, key)).toBe('failed');
  // The root is taken from the signed body, so editing it breaks the signature; editing the unsigned field does nothing.
  expect(await checkInclusion(p, { ...served, note: tamperRoot(note) }, key)).toBe('failed');
  expect(await checkInclusion(p, { ...served, root: b64(new Uint8Array(32)) }, key)).toBe('verified');
  expect(await checkInclusion(p, served, (await parseVerifierKey(otherVkey))!)).toBe('failed');
  expect(await checkInclusion(p, served, null)).toBe('failed');
  expect(await checkInclusion({ ...p, status: 'sequenced' }, served, key)).toBe('sequenced');
  expect(await checkInclusion({ ...p, status: 'pending' }, null, key)).toBe('pending');
});

test('without Ed25519 in WebCrypto the answer is "cannot verify the signature", never 已验证', async () => {
  const importKey = crypto.subtle.importKey.bind(crypto.subtle);
  vi.spyOn(crypto.subtle, 'importKey').mockImplementation(((...args: Parameters<SubtleCrypto['importKey']>) => {
    const alg = args[2] as { name?: string } | string;
    if ((typeof alg === 'string' ? alg : alg.name) === 'Ed25519')
      return Promise.reject(new DOMException('Unrecognized name.', 'NotSupportedError'));
    return importKey(...args);
  }) as SubtleCrypto['importKey']);
  expect((await checkCheckpoint(note, key)).signature).toBe('unsupported');
  expect(await checkInclusion(proofs[0]!, served, key)).toBe('unsupported');
  // A wrong proof still fails: the root is checked whether or not the signature can be.
  const bad = { ...proofs[0]!, inclusionProof: flipFirstHash(proofs[0]!.inclusionProof!) };
  expect(await checkInclusion(bad, served, key)).toBe('failed');
});

test('the browser root computation agrees with the RFC 6962 reference vectors', async () => {
  const hex = (h: string) => new Uint8Array(Buffer.from(h, 'hex'));
  expect(vectors.inclusion_proofs.length).toBeGreaterThan(3);
  for (const v of vectors.inclusion_proofs) {
    const root = await rootFromInclusionProof(v.leaf_index, v.tree_size, hex(v.leaf_hash_hex), v.proof_hex.map(hex));
    expect(root && Buffer.from(root).toString('hex')).toBe(v.root_hex);
  }
});

const PROBLEM = '6f1f8c1e-3a43-4d0e-9d55-0c3f6d1a2b01';

/** The portal's answers: the proofs endpoint and /log/key. */
function serve(body: unknown, logKey = vkey) {
  const fetchMock = vi.fn(async (url: string) => {
    if (url === '/log/key') return new Response(logKey + '\n', { headers: { 'content-type': 'text/plain' } });
    if (url === `/api/public/problems/${PROBLEM}/proofs`)
      return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
    return new Response('{}', { status: 404, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

function renderPortal() {
  return render(
    <MemoryRouter>
      <PortalI18n.Provider value={{ locale: 'zh-CN', t: portalT('zh-CN') }}>
        <RecordProof problemId={PROBLEM} />
      </PortalI18n.Provider>
    </MemoryRouter>,
  );
}

const panel = () => screen.getByTestId('record-proof');

test('portal: 在记录中已验证 with the log key, the checkpoint and the proofs shown', async () => {
  serve({ checkpoint: { origin: ORIGIN, ...served }, events: proofs });
  renderPortal();
  await waitFor(() => expect(panel().dataset.outcome).toBe('verified'));
  expect(panel().textContent).toContain('在记录中已验证');
  expect(screen.getAllByTestId('record-event').map((e) => e.dataset.outcome)).toEqual([
    'verified',
    'verified',
    'verified',
  ]);
  expect(screen.getByTestId('record-key').textContent).toBe(vkey);
  expect(panel().textContent).toContain('整改措施');
  expect(panel().textContent).toContain('叶子 #6');
  expect(panel().querySelector('pre')?.textContent).toBe(note);
});

test('portal: one tampered proof, or a key other than the signer, and the panel says 验证未通过', async () => {
  const bad = proofs.map((p, i) => (i === 2 ? { ...p, inclusionProof: flipFirstHash(p.inclusionProof!) } : p));
  serve({ checkpoint: { origin: ORIGIN, ...served }, events: bad });
  renderPortal();
  await waitFor(() => expect(panel().dataset.outcome).toBe('failed'));
  expect(panel().textContent).toContain('验证未通过');
  expect(panel().textContent).not.toContain('在记录中已验证');
  cleanup();
  forgetVerifierKey();

  serve({ checkpoint: { origin: ORIGIN, ...served }, events: proofs }, otherVkey);
  renderPortal();
  await waitFor(() => expect(panel().dataset.outcome).toBe('failed'));
  expect(screen.getByTestId('record-key').textContent).toBe(otherVkey);
});

test('portal: public events not yet in a checkpoint wait, and a problem with none says so', async () => {
  serve({
    checkpoint: null,
    events: [{ ...proofs[0]!, status: 'pending', leafIndex: null, leafHash: null, inclusionProof: null }],
  });
  renderPortal();
  await waitFor(() => expect(panel().dataset.outcome).toBe('waiting'));
  expect(panel().textContent).toContain('尚未写入');
  cleanup();

  serve({ checkpoint: { origin: ORIGIN, ...served }, events: [] });
  renderPortal();
  await waitFor(() => expect(panel().dataset.outcome).toBe('none'));
  expect(panel().textContent).toContain('暂无公开记录');
});
