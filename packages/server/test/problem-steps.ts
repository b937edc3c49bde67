import { eq } from 'drizzle-orm';
import { schema } from '@rectify/db';
import { as, login, type TestPlatform } from './helpers.ts';

/**
 * Signed-in sessions for the given demo roles, the demo's 住建局 (a unit to assign problems to), and `step`, which
 * runs a problem command as one of those roles at the problem's current version (throws unless 200).
 */
export async function problemActors(t: Pick<TestPlatform, 'app' | 'database'>, roles: readonly string[]) {
  const c: Record<string, ReturnType<typeof as>> = {};
  for (const role of roles) c[role] = as(t.app, await login(t.app, role));
  const housing = (
    await t.database.db.select().from(schema.units).where(eq(schema.units.name, '湖州市住房和城乡建设局'))
  )[0]!.id;
  const reader = c.cppcc_staff ?? Object.values(c)[0]!;
  async function step(who: string, id: string, command: string, input: unknown) {
    const { version } = (await reader('GET', `/api/problems/${id}`)).json();
    const res = await c[who]!('POST', `/api/problems/${id}/commands/${command}`, { version, input });
    if (res.statusCode !== 200) throw new Error(`${command}: ${res.body}`);
  }
  return { c, housing, step };
}
