/**
 * `npm run bench -- NAME [--engine pglite|postgres] [--scale FACTOR]` (DESIGN §11). Progress goes to stderr; the
 * last stdout line is `{"bench":NAME,"engine":…,"scale":…, …figures}`.
 */
import { readdirSync } from 'node:fs';

const args = process.argv.slice(2);
const option = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const available = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts')
  .map((f) => f.slice(0, -3));
const name = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!name || !available.includes(name)) {
  console.error(
    `usage: npm run bench -- NAME [--engine pglite|postgres] [--scale FACTOR]\nbenchmarks: ${available.join(', ')}`,
  );
  process.exit(2);
}
const engine = (option('--engine') ?? (process.env.DATABASE_URL ? 'postgres' : 'pglite')) as 'pglite' | 'postgres';
if (engine !== 'pglite' && engine !== 'postgres') throw new Error(`--engine must be pglite or postgres, not ${engine}`);
if (engine === 'postgres' && !process.env.DATABASE_URL) throw new Error('--engine postgres needs DATABASE_URL');
const scale = Number(option('--scale') ?? 1);
if (!(scale > 0)) throw new Error(`--scale must be a positive number, not ${option('--scale')}`);

const mod = (await import(`./${name}.ts`)) as {
  run(opts: { engine: 'pglite' | 'postgres'; scale: number }): Promise<Record<string, unknown>>;
};
const started = Date.now();
const figures = await mod.run({ engine, scale });
console.error(`bench ${name} finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(JSON.stringify({ ...figures, bench: name, engine, scale }));
process.exit(0);
