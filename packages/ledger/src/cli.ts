import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { cosignerFromSeed } from './cosignature/cosigner.ts';
import { parseSignerKey, generateSignerKey } from './note/signer.ts';
import { verifyLog, describeFailure } from './tiles/verify.ts';
import { JsonFileWitnessState } from './witness/state.ts';
import { Witness } from './witness/witness.ts';
import type { WitnessedLog } from './witness/witness.ts';
import { createWitnessServer } from './witness/server.ts';
import { parseVerifierKey } from './note/verifier.ts';

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** `--log` accepts a vkey (origin = key name) or "<origin> <vkey>" (the vkey has no spaces). */
function parseLogArg(arg: string): WitnessedLog {
  const sp = arg.lastIndexOf(' ');
  if (sp < 0) return { origin: parseVerifierKey(arg).name, keys: [arg] };
  return { origin: arg.slice(0, sp), keys: [arg.slice(sp + 1)] };
}

/**
 * Adds the `tlog` command group to a commander program:
 * - `tlog verify <dirOrUrl> --key <vkey> [--key …] [--require-all] [--require-entries]`:
 *   exit 0 and a last stdout line `{"ok":true,"size":N,"root":"<b64>"}`; on failure exit 1, the
 *   reason on stderr and a last stdout line `{"ok":false,"error":"…"}`.
 * - `tlog witness --key <file> --log <vkey|"origin vkey"> [--log …] --state <file> [--port 7380]`:
 *   serves POST /add-checkpoint until killed. The key file holds a `PRIVATE+KEY+…` signer key whose
 *   seed is used as the cosignature/v1 key; its verifier key is printed on start.
 * - `tlog keygen <name>`: prints a fresh signer key and its verifier key.
 * Sets `process.exitCode` rather than calling `process.exit`, so a host CLI can clean up.
 */
export function registerTlogCommands(program: Command): Command {
  const tlog = program.command('tlog').description('transparency log tools (C2SP tlog-tiles, checkpoints, witness)');

  tlog
    .command('verify')
    .description('verify a published log (folder or http(s) URL) against trusted keys')
    .argument('<dirOrUrl>', 'folder or URL holding checkpoint and tile/')
    .requiredOption('--key <vkey>', 'trusted verifier key (repeatable)', collect, [])
    .option('--require-all', 'require a signature from every --key')
    .option('--require-entries', 'fail if an entry bundle is missing')
    .action(async (dirOrUrl: string, o: { key: string[]; requireAll?: boolean; requireEntries?: boolean }) => {
      try {
        const r = await verifyLog(dirOrUrl, o.key, {
          requireAllKeys: o.requireAll === true,
          requireEntries: o.requireEntries === true,
          onProgress: (done, total) => {
            if (done % 1024 === 0 || done === total) process.stderr.write(`verified ${done}/${total} leaf tiles\n`);
          },
        });
        process.stderr.write(`checkpoint ${r.origin} signed by ${r.verifiedBy.join(', ')}; ${r.hashTiles} hash tiles, ${r.entryBundles} entry bundles checked, ${r.entryBundlesMissing} absent\n`);
        process.stdout.write(JSON.stringify({ ok: true, size: r.size, root: r.root }) + '\n');
        process.exitCode = 0;
      } catch (e) {
        const f = describeFailure(e);
        process.stderr.write(`verification failed: ${f.error}\n`);
        process.stdout.write(JSON.stringify({ ok: false, error: f.error }) + '\n');
        process.exitCode = 1;
      }
    });

  tlog
    .command('witness')
    .description('run a C2SP tlog-witness HTTP server (POST /add-checkpoint)')
    .requiredOption('--key <file>', 'file holding the witness signer key (PRIVATE+KEY+…)')
    .requiredOption('--log <log>', 'log to witness: vkey, or "origin vkey" (repeatable)', collect, [])
    .requiredOption('--state <file>', 'JSON file keeping the latest cosigned size per log')
    .option('--port <port>', 'TCP port', '7380')
    .option('--host <host>', 'listen address', '127.0.0.1')
    .action(async (o: { key: string; log: string[]; state: string; port: string; host: string }) => {
      const signer = parseSignerKey((await readFile(o.key, 'utf8')).trim());
      const cosigner = cosignerFromSeed(signer.name, signer.seed);
      const witness = new Witness({ cosigner, logs: o.log.map(parseLogArg), state: new JsonFileWitnessState(o.state) });
      const server = createWitnessServer(witness);
      await new Promise<void>((resolve) => server.listen(Number(o.port), o.host, resolve));
      const addr = server.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : o.port;
      process.stderr.write(`witness ${cosigner.vkey} listening on http://${o.host}:${port}/add-checkpoint\n`);
      process.stdout.write(JSON.stringify({ ok: true, vkey: cosigner.vkey, port: Number(port) }) + '\n');
      const stop = () => server.close();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await new Promise<void>((resolve) => server.on('close', resolve));
    });

  tlog
    .command('keygen')
    .description('generate an Ed25519 note signer key')
    .argument('<name>', 'key name (usually the log origin)')
    .action((name: string) => {
      const k = generateSignerKey(name);
      process.stdout.write(`${k.skey}\n${k.vkey}\n`);
    });

  return tlog;
}
