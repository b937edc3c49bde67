import type { Logger } from 'pino';
import { findUserByUsername, schema, type Executor } from '@rectify/db';
import { DEMO_CITY } from './org.ts';

const DAY = 86_400_000;

/** A handful of bulletins for the two demo campaigns: notices, progress and results, one draft and one withdrawn. */
const BULLETINS: {
  topic: string | null;
  kind: 'notice' | 'progress' | 'result';
  state: 'draft' | 'published' | 'withdrawn';
  daysAgo: number;
  regionCode?: string;
  title: string;
  body: string;
}[] = [
  {
    topic: '优化营商环境',
    kind: 'notice',
    state: 'published',
    daysAgo: 120,
    title: '关于开展 2026 年度优化营商环境专项民主评议的公告',
    body:
      '为深入推进营商环境优化提升，市政协决定开展 2026 年度优化营商环境专项民主评议。评议对象为市发展改革委、市市场监管局、' +
      '市自然资源和规划局等 12 个市级部门。评议期间，欢迎企业和群众通过本门户“我要反映”栏目、12345 热线反映意见建议，' +
      '所有反映均可凭查询码查询办理进展。',
  },
  {
    topic: '优化营商环境',
    kind: 'progress',
    state: 'published',
    daysAgo: 45,
    title: '优化营商环境专项评议整改进展通报（第一期）',
    body:
      '截至本月底，评议中梳理的 96 个问题已全部交办，其中 41 个已完成整改并通过现场核查，38 个正在按计划推进，' +
      '17 个纳入长期整改。企业开办“一件事”平均办理时限由 2 个工作日压缩至 1 个工作日，涉企检查实行“综合查一次”。',
  },
  {
    topic: '老旧小区改造',
    kind: 'notice',
    state: 'published',
    daysAgo: 90,
    title: '关于老旧小区改造民主监督评议征集意见的公告',
    body:
      '市政协将对全市老旧小区改造工作开展民主监督评议，重点关注加装电梯、雨污分流、停车和充电设施、物业管理等群众关切的问题。' +
      '请居民通过门户或所在社区反映身边的问题，评议组将逐条梳理并跟踪整改。',
  },
  {
    topic: '老旧小区改造',
    kind: 'progress',
    state: 'published',
    daysAgo: 30,
    regionCode: '330502',
    title: '吴兴区老旧小区改造整改进展通报',
    body:
      '吴兴区已完成 18 个老旧小区雨污分流改造，新增公共停车位 420 个、电动自行车充电端口 1600 个；' +
      '群众反映较多的楼道照明和屋面渗漏问题已全部列入本年度改造计划。',
  },
  {
    topic: '老旧小区改造',
    kind: 'result',
    state: 'published',
    daysAgo: 7,
    title: '老旧小区改造民主监督评议整改结果通报',
    body:
      '本次评议共收集问题 104 个，已整改销号 87 个，群众满意率 92.3%。对整改不到位的 6 个问题，评议组已约谈责任单位并开展回头看，' +
      '整改情况将在下一期通报中公开。',
  },
  {
    topic: '优化营商环境',
    kind: 'progress',
    state: 'withdrawn',
    daysAgo: 50,
    title: '优化营商环境专项评议整改进展通报（数据待核）',
    body: '本期通报中部分单位数据口径不一致，已撤回，核实后重新发布。',
  },
  {
    topic: '优化营商环境',
    kind: 'result',
    state: 'draft',
    daysAgo: 2,
    title: '优化营商环境专项民主评议整改结果通报（草稿）',
    body: '评议整改结果正在汇总，各责任单位请于本周内报送整改销号材料和佐证照片。',
  },
];

export async function seedDemoBulletins(db: Executor, log: Logger): Promise<void> {
  const staff = await findUserByUsername(db, 'cppcc_staff');
  if (!staff) return;
  const campaigns = await db.select({ id: schema.campaigns.id, topic: schema.campaigns.topic }).from(schema.campaigns);
  const byTopic = new Map(campaigns.map((c) => [c.topic, c.id]));
  const now = Date.now();
  for (const b of BULLETINS) {
    const at = new Date(now - b.daysAgo * DAY);
    await db.insert(schema.bulletins).values({
      regionCode: b.regionCode ?? DEMO_CITY.code,
      kind: b.kind,
      title: b.title,
      body: b.body,
      campaignId: (b.topic && byTopic.get(b.topic)) ?? null,
      state: b.state,
      publishedAt: b.state === 'draft' ? null : at,
      createdBy: staff.id,
      createdAt: new Date(at.getTime() - DAY),
      updatedAt: at,
    });
  }
  log.info({ bulletins: BULLETINS.length }, 'seeded demo bulletins');
}
