import { formatAddCheckpointRequest, openNote, parseVerifierKey, type NoteVerifier } from '@rectify/ledger';

/** A witness the platform asks to cosign its checkpoints (C2SP tlog-witness). */
export interface WitnessEndpoint {
  /** The key name (from the vkey). */
  name: string;
  /** Full URL of the add-checkpoint endpoint. */
  url: string;
  vkey: string;
  verifier: NoteVerifier;
}

/**
 * Parses RECTIFY_WITNESSES entries `URL|VKEY`: URL is the witness's submission prefix (`/add-checkpoint` is appended
 * unless already there); VKEY its cosignature/v1 verifier key `name+keyid+base64`. Throws naming the bad entry.
 */
export function parseWitnesses(entries: readonly string[]): WitnessEndpoint[] {
  return entries.map((entry) => {
    const bar = entry.lastIndexOf('|');
    if (bar < 0) throw new Error(`RECTIFY_WITNESSES: "${entry}" is not URL|VKEY`);
    const prefix = entry.slice(0, bar);
    const vkey = entry.slice(bar + 1);
    if (!/^https?:\/\//.test(prefix)) throw new Error(`RECTIFY_WITNESSES: "${prefix}" is not an http(s) URL`);
    const verifier = parseVerifierKey(vkey);
    const url = prefix.endsWith('/add-checkpoint') ? prefix : `${prefix.replace(/\/+$/, '')}/add-checkpoint`;
    return { name: verifier.name, url, vkey, verifier };
  });
}

/** True when `note` already carries a signature line by this witness key. */
export function hasSignatureBy(note: string, w: { verifier: NoteVerifier }): boolean {
  try {
    return openNote(note, [w.verifier]).sigs.length > 0;
  } catch {
    return false;
  }
}

/** Appends signature lines to a signed note, skipping lines by a key (name + key id) already on it. */
export function mergeSignatureLines(note: string, lines: readonly string[]): string {
  const keyOf = (line: string) => {
    const m = /^\u2014 (\S+) (\S+)$/.exec(line);
    return m ? `${m[1]} ${Buffer.from(m[2]!, 'base64').subarray(0, 4).toString('hex')}` : line;
  };
  const have = new Set(
    note
      .slice(note.lastIndexOf('\n\n') + 2)
      .split('\n')
      .filter((l) => l !== '')
      .map(keyOf),
  );
  let out = note;
  for (const line of lines) {
    const k = keyOf(line);
    if (have.has(k)) continue;
    have.add(k);
    out += line + '\n';
  }
  return out;
}

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string; signal?: AbortSignal },
) => Promise<{ status: number; headers: { get(name: string): string | null }; text(): Promise<string> }>;

export type SubmitOutcome = { ok: true; lines: string[] } | { ok: false; status: number | null; reason: string };

/**
 * Submits checkpoints to witnesses. The last size each witness cosigned is kept in memory only (no table); on a
 * restart, or when another process advanced the witness, the witness answers 409 with its size (text/x.tlog.size)
 * and the request is retried once from that size with a fresh consistency proof, as C2SP tlog-witness describes.
 */
export class WitnessClient {
  private readonly lastSize = new Map<string, number>();

  constructor(
    private readonly consistencyProof: (from: number, to: number) => Promise<Uint8Array[]>,
    private readonly fetchFn: FetchLike = fetch as unknown as FetchLike,
    private readonly timeoutMs = 10_000,
  ) {}

  /** Asks `w` to cosign `note` (a checkpoint of `size` leaves). Returns its cosignature lines, checked against its key. */
  async submit(w: WitnessEndpoint, note: string, size: number): Promise<SubmitOutcome> {
    let old = this.lastSize.get(w.url) ?? 0;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (old > size)
        return { ok: false, status: 409, reason: `witness has cosigned size ${old}, larger than this log's ${size}` };
      const proof = old === 0 || old === size ? [] : await this.consistencyProof(old, size);
      let res: Awaited<ReturnType<FetchLike>>;
      try {
        res = await this.fetchFn(w.url, {
          method: 'POST',
          headers: { 'content-type': 'text/plain; charset=utf-8' },
          body: formatAddCheckpointRequest({ oldSize: old, proof, checkpoint: note }),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (e) {
        return { ok: false, status: null, reason: (e as Error).message };
      }
      const body = await res.text();
      if (res.status === 200) {
        const lines = body.split('\n').filter((l) => l !== '');
        const signed = mergeSignatureLines(note, lines);
        if (!hasSignatureBy(signed, w))
          return { ok: false, status: 200, reason: 'response carries no valid cosignature by the witness key' };
        this.lastSize.set(w.url, size);
        return { ok: true, lines: lines.filter((l) => hasSignatureBy(mergeSignatureLines(note, [l]), w)) };
      }
      const witnessSize = /^text\/x\.tlog\.size/.test(res.headers.get('content-type') ?? '')
        ? Number(body.trim())
        : NaN;
      if (res.status === 409 && Number.isSafeInteger(witnessSize) && witnessSize !== old) {
        old = witnessSize;
        this.lastSize.set(w.url, old);
        continue;
      }
      return { ok: false, status: res.status, reason: body.trim().slice(0, 300) };
    }
    return { ok: false, status: 409, reason: 'witness size kept changing' };
  }
}
