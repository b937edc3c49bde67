import { createHash, randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { actorOf, appendEvent, findUserByUsername, listRegions, schema, Scope, type Executor } from '@rectify/db';
import { addDays, localDate, type Actor, type ProblemCommand, type ProblemState } from '@rectify/domain';
import { applyProblemCommand, createProblem, recomputeWarnings } from '../features/problems/service.ts';
import { runReminders } from '../features/reminders/service.ts';
import { createUser } from '../features/users/service.ts';
import { BUSINESS_ENVIRONMENT, INDICATOR_SCHEME, OLD_COMMUNITIES, type ProblemTemplate } from './problem-templates.ts';

const DAY = 86_400_000;

/** A small deterministic generator so every fresh demo looks the same. */
function prng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Where each demo story ends, with how many problems end there (≈ 200 in all). */
const ENDINGS: [ProblemState, number][] = [
  ['draft', 10],
  ['rejected', 6],
  ['listed', 10],
  ['assigned', 22],
  ['plan_review', 14],
  ['rectifying', 62],
  ['closure_review', 10],
  ['verifying', 10],
  ['closed', 56],
];

const evidence = (label: string) => [createHash('sha256').update(`demo:${label}`).digest('hex')];

interface Cast {
  staff: Actor;
  member: Actor;
  supervisor: Actor;
  leader: Actor;
  evaluator: Actor;
  liaisons: Map<string, Actor>;
}

/**
 * Two campaigns (优化营商环境, 老旧小区改造) with ≈ 200 problems whose histories run through the real state machine
 * at past times, so they end in every state with every warning light, with plans, progress, extensions,
 * supervision, verifications (some failed), ratings and look-backs (some rebounded).
 */
export async function seedDemoProblems(db: Executor, password: string, log: Logger): Promise<void> {
  const rand = prng(20261128);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const unitByName = new Map((await db.select().from(schema.units)).map((u) => [u.name, u]));
  const actor = async (username: string) => actorOf(db, (await findUserByUsername(db, username))!);

  // One liaison per department that leads demo problems (the 住建局 one is the `unit_liaison` demo account).
  const liaisons = new Map<string, Actor>();
  liaisons.set('湖州市住房和城乡建设局', await actor('unit_liaison'));
  const leads = [...new Set([...BUSINESS_ENVIRONMENT, ...OLD_COMMUNITIES].map((t) => t.lead))];
  let n = 0;
  for (const lead of leads) {
    if (liaisons.has(lead)) continue;
    const unit = unitByName.get(lead)!;
    n++;
    const username = `liaison${String(n).padStart(2, '0')}`;
    const user = await createUser(
      db,
      Scope.system(),
      { userId: null, username: 'system' },
      {
        username,
        displayName: `${lead.replace('湖州市', '')}联络员`,
        unitId: unit.id,
        password,
        grants: [{ role: 'unit_liaison', regionCode: null, unitId: unit.id }],
      },
    );
    liaisons.set(lead, await actorOf(db, user));
  }
  const cast: Cast = {
    staff: await actor('cppcc_staff'),
    member: await actor('member'),
    supervisor: await actor('supervisor'),
    leader: await actor('leader'),
    evaluator: await actor('evaluator'),
    liaisons,
  };

  const city = '330500';
  const counties = await listRegions(db, { parent: city });
  const places: { code: string; name: string }[] = [];
  for (const c of counties) {
    places.push({ code: c.code, name: c.name });
    for (const t of await listRegions(db, { parent: c.code }))
      places.push({ code: t.code, name: `${c.name}${t.name}` });
  }

  const now = Date.now();
  const [schemeRow] = await db
    .insert(schema.indicatorSchemes)
    .values({
      familyId: randomUUID(),
      version: 1,
      name: INDICATOR_SCHEME.name,
      indicators: INDICATOR_SCHEME.indicators,
      regionCode: city,
    })
    .returning();
  const campaigns = [];
  for (const [title, topic, templates] of [
    ['2026 年度优化营商环境专项民主评议', '优化营商环境', BUSINESS_ENVIRONMENT],
    ['老旧小区改造民主监督评议', '老旧小区改造', OLD_COMMUNITIES],
  ] as const) {
    const targets = [...new Set(templates.flatMap((t) => [t.lead, ...(t.co ? [t.co] : [])]))].map(
      (u) => unitByName.get(u)!.id,
    );
    const [row] = await db
      .insert(schema.campaigns)
      .values({
        title,
        topic,
        year: 2026,
        regionCode: city,
        phase: 'rectification',
        schemeId: schemeRow!.id,
        targetUnitIds: targets,
        memberIds: [cast.member.userId],
        startsOn: localDate(new Date(now - 240 * DAY)),
        endsOn: localDate(new Date(now + 120 * DAY)),
        phaseChangedAt: new Date(now - 200 * DAY),
        createdAt: new Date(now - 240 * DAY),
      })
      .returning();
    await appendEvent(db, {
      actorUserId: cast.staff.userId,
      actorUsername: cast.staff.username,
      type: 'campaign.created',
      subjectType: 'campaign',
      subjectId: row!.id,
      regionCode: city,
      payload: { title, topic },
      at: new Date(now - 240 * DAY),
    });
    campaigns.push({ id: row!.id, templates });
  }

  let made = 0;
  let refused = 0;
  const endings = ENDINGS.flatMap(([state, count]) => Array<ProblemState>(count).fill(state));
  for (let i = 0; i < endings.length; i++) {
    const ending = endings[i]!;
    const campaign = campaigns[i % 2]!;
    const template: ProblemTemplate = pick(campaign.templates);
    const place = pick(places);
    // Open items started recently enough to be on time, late, or near their deadline; closed ones earlier.
    let t = now - (ending === 'closed' ? 120 + rand() * 100 : 20 + rand() * 150) * DAY;
    const step = (min = 1, max = 6) => {
      t = Math.min(t + (min + rand() * (max - min)) * DAY, now - 3600_000);
      return new Date(t);
    };
    const raisedByMember = rand() < 0.4;
    const problem = await createProblem(
      db,
      Scope.system(),
      raisedByMember ? cast.member : cast.staff,
      {
        title: template.title,
        description: template.description.replace('{place}', place.name),
        category: template.category,
        severity: rand() < 0.15 ? 'important' : 'normal',
        source: rand() < 0.7 ? 'campaign' : 'research',
        regionCode: place.code,
        campaignId: campaign.id,
      },
      new Date(t),
    );
    made++;
    const liaison = cast.liaisons.get(template.lead)!;
    const fire = async (who: Actor, command: ProblemCommand, at: Date) => {
      await applyProblemCommand(db, who, Scope.system(), problem.id, command, null, at);
    };
    try {
      if (ending === 'draft') continue;
      if (ending === 'rejected') {
        await fire(cast.staff, { type: 'reject', input: { reason: '经核实已在其他专项中整改，不重复列入' } }, step());
        continue;
      }
      await fire(cast.staff, { type: 'confirm', input: {} }, step());
      if (ending === 'listed') continue;
      const assignedAt = step();
      const horizon = 30 + Math.floor(rand() * 120);
      const deadline = addDays(localDate(assignedAt), horizon);
      const co = template.co ? [unitByName.get(template.co)!.id] : [];
      await fire(
        cast.staff,
        {
          type: 'assign',
          input: {
            leadUnitId: unitByName.get(template.lead)!.id,
            coUnitIds: co,
            responsibleLeader: '分管副局长',
            responsiblePerson: liaison.username,
            deadline,
          },
        },
        assignedAt,
      );
      if (ending === 'assigned') continue;
      const plan = (extra = '') => ({
        type: 'submit_plan' as const,
        input: {
          goal: `${template.title.replace(/、.*$/, '')}问题得到有效解决${extra}`,
          rootCause: '职责分工不清、流程衔接不畅，长效机制缺失',
          measures: [
            {
              text: '梳理问题清单，明确责任科室和时间节点',
              owner: '办公室',
              due: addDays(localDate(assignedAt), Math.min(10, horizon - 1)),
            },
            {
              text: '制定整改措施并组织实施',
              owner: '业务科室',
              due: addDays(localDate(assignedAt), Math.floor(horizon * 0.7)),
            },
            { text: '建立长效管理制度', owner: '法规科', due: addDays(localDate(assignedAt), horizon - 1) },
          ],
          deadline,
          funds: Math.round(rand() * 200) * 1000,
          evidence: [],
        },
      });
      await fire(liaison, plan(), step(2, 8));
      if (ending === 'plan_review') continue;
      if (rand() < 0.3) {
        await fire(
          cast.staff,
          { type: 'return_plan', input: { comments: '措施针对性不强，请补充时间节点和量化目标' } },
          step(),
        );
        await fire(liaison, plan('，并形成可复制经验'), step());
      }
      await fire(
        cast.staff,
        {
          type: 'approve_plan',
          input: {
            checklist: [
              { item: '符合法律法规和政策规定', ok: true },
              { item: '措施具体可行', ok: true },
            ],
          },
        },
        step(),
      );
      const reports = ending === 'rectifying' ? Math.floor(rand() * 4) : 2 + Math.floor(rand() * 2);
      for (let r = 1; r <= reports; r++) {
        await fire(
          liaison,
          {
            type: 'report_progress',
            input: {
              period: `第 ${r} 期`,
              percent: Math.min(100, r * 30),
              done: '按方案推进各项措施',
              nextSteps: '继续推进并做好验收准备',
              evidence: evidence(`${problem.id}:p${r}`),
            },
          },
          step(5, 9),
        );
      }
      if (rand() < 0.15) {
        await fire(
          liaison,
          {
            type: 'request_extension',
            input: { requestedDeadline: addDays(deadline, 30), reason: '涉及跨部门协调和资金安排，需延期' },
          },
          step(),
        );
        await fire(
          cast.staff,
          { type: 'decide_extension', input: { decision: rand() < 0.7 ? 'approve' : 'deny' } },
          step(),
        );
      }
      if (ending === 'rectifying' && rand() < 0.35) {
        await fire(cast.staff, { type: 'urge', input: { note: '请加快整改进度，按时报送进展' } }, step());
        if (rand() < 0.5)
          await fire(cast.staff, { type: 'supervise', input: { note: '列入督办，每周报送进展' } }, step());
        if (rand() < 0.3)
          await fire(cast.leader, { type: 'list_supervision', input: { note: '列入党委挂牌督办' } }, step());
        if (rand() < 0.3)
          await fire(
            cast.leader,
            { type: 'instruct', input: { text: '请责任单位主要负责人亲自抓，限期办结' } },
            step(),
          );
      }
      if (ending === 'rectifying') continue;
      const closure = () =>
        fire(
          liaison,
          {
            type: 'request_closure',
            input: {
              summary: '各项整改措施已落实到位',
              proposedOutcome: rand() < 0.85 ? 'resolved' : 'partly_resolved',
              evidence: evidence(`${problem.id}:c`),
            },
          },
          step(),
        );
      await closure();
      if (ending === 'closure_review') continue;
      await fire(cast.staff, { type: 'accept_closure', input: {} }, step());
      if (ending === 'verifying') continue;
      if (rand() < 0.2) {
        await fire(
          cast.supervisor,
          {
            type: 'verify_fail',
            input: { notes: '现场核查发现部分措施未落实', evidence: evidence(`${problem.id}:vf`) },
          },
          step(),
        );
        await fire(
          liaison,
          {
            type: 'report_progress',
            input: {
              period: '补充整改',
              percent: 100,
              done: '补齐未落实措施',
              nextSteps: '申请复核',
              evidence: evidence(`${problem.id}:fix`),
            },
          },
          step(),
        );
        await closure();
        await fire(cast.staff, { type: 'accept_closure', input: {} }, step());
      }
      const outcome = rand() < 0.85 ? 'resolved' : 'partly_resolved';
      await fire(
        cast.supervisor,
        {
          type: 'verify_pass',
          input: { outcome, notes: '现场核查整改到位', evidence: evidence(`${problem.id}:vp`), milestones: [] },
        },
        step(),
      );
      const ratingRoll = rand();
      await fire(
        cast.evaluator,
        {
          type: 'rate',
          input: { value: ratingRoll < 0.7 ? 'satisfied' : ratingRoll < 0.92 ? 'basically_satisfied' : 'dissatisfied' },
        },
        step(),
      );
      if (t < now - 95 * DAY) {
        const rebounded = rand() < 0.08;
        await fire(
          cast.supervisor,
          {
            type: 'lookback',
            input: rebounded
              ? {
                  result: 'rebounded',
                  notes: '回头看发现问题反弹',
                  evidence: evidence(`${problem.id}:lb`),
                  deadline: addDays(localDate(new Date(now)), 30),
                }
              : { result: 'sustained', notes: '回头看整改成果巩固', evidence: evidence(`${problem.id}:lb`) },
          },
          new Date(Math.min(t + 90 * DAY, now - 3600_000)),
        );
      }
    } catch (err) {
      refused++;
      log.warn({ problem: problem.id, ending, err: (err as Error).message }, 'demo story stopped early');
    }
  }
  // The stories ran at past times; bring the derived lights to today.
  await recomputeWarnings(db);
  const reminders = await runReminders(db);
  log.info(
    { problems: made, storiesStoppedEarly: refused, liaisons: liaisons.size, reminders: reminders.created },
    'seeded demo problems',
  );
}
