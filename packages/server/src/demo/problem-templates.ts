/**
 * Demo problem texts for the two demo campaigns. Realistic wording in the style of CPPCC review findings; places
 * come from the demo city's real counties and towns at seeding time.
 */
export interface ProblemTemplate {
  title: string;
  description: string;
  category: string;
  lead: string;
  co?: string;
}

export const BUSINESS_ENVIRONMENT: ProblemTemplate[] = [
  {
    title: '企业开办“一件事”办理时限仍偏长',
    description:
      '部分企业反映在{place}办理开办登记、刻章、社保登记等事项仍需多次往返，全流程平均 3 个工作日，未达到 1 个工作日办结的目标。',
    category: '政务服务',
    lead: '湖州市市场监督管理局',
    co: '湖州市人力资源和社会保障局',
  },
  {
    title: '工程建设项目审批环节多、周期长',
    description:
      '{place}工业项目从立项到施工许可平均用时超过 80 个工作日，联合审图、联合验收推进不到位，企业意见较大。',
    category: '工程审批',
    lead: '湖州市住房和城乡建设局',
    co: '湖州市自然资源和规划局',
  },
  {
    title: '涉企检查频次过高、多头检查',
    description: '{place}部分规上企业反映一年内接受各类检查 10 次以上，检查内容重复，“综合查一次”落实不到位。',
    category: '监管执法',
    lead: '湖州市综合行政执法局',
    co: '湖州市市场监督管理局',
  },
  {
    title: '惠企政策兑现慢、申报材料繁琐',
    description: '{place}中小企业反映惠企资金申报需提交纸质材料十余项，兑现周期超过 3 个月，“免申即享”覆盖面窄。',
    category: '惠企政策',
    lead: '湖州市发展和改革委员会',
    co: '湖州市商务局',
  },
  {
    title: '小微企业融资难、担保门槛高',
    description: '{place}小微企业反映首贷难、续贷难，政策性融资担保费率和反担保要求偏高，普惠金融政策知晓率低。',
    category: '金融服务',
    lead: '湖州市发展和改革委员会',
  },
  {
    title: '水电气报装接入时间长',
    description: '{place}新建厂房用水、用气报装平均超过 15 个工作日，外线工程审批与施工衔接不畅。',
    category: '公用事业',
    lead: '湖州市住房和城乡建设局',
    co: '湖州市水利局',
  },
  {
    title: '企业招工难与技能人才供给不足',
    description: '{place}制造业企业一线技工缺口较大，职业技能培训与企业需求脱节，人才公寓供给不足。',
    category: '人力资源',
    lead: '湖州市人力资源和社会保障局',
    co: '湖州市教育局',
  },
  {
    title: '物流园区周边道路拥堵、货车通行受限',
    description: '{place}物流园区周边道路早晚高峰拥堵严重，货车通行证办理不便，影响企业物流时效。',
    category: '交通物流',
    lead: '湖州市交通运输局',
    co: '湖州市公安局',
  },
  {
    title: '环评审批与排污许可衔接不畅',
    description: '{place}部分技改项目环评审批与排污许可分开办理，企业需重复提交材料，审批时限不明确。',
    category: '生态环境',
    lead: '湖州市生态环境局',
  },
  {
    title: '政务服务网办率低、系统不互通',
    description: '{place}部分高频事项仍需线下办理，部门业务系统数据不共享，企业需重复填报信息。',
    category: '政务服务',
    lead: '湖州市人民政府',
    co: '湖州市市场监督管理局',
  },
  {
    title: '农产品电商冷链物流设施不足',
    description: '{place}农产品电商企业反映县乡两级冷链仓储设施缺乏，生鲜农产品损耗率高。',
    category: '商贸流通',
    lead: '湖州市农业农村局',
    co: '湖州市商务局',
  },
  {
    title: '外贸企业出口退税办理周期长',
    description: '{place}外贸企业反映出口退税资料审核环节多，平均办理时间超过 10 个工作日，资金周转压力大。',
    category: '外贸服务',
    lead: '湖州市商务局',
  },
];

export const OLD_COMMUNITIES: ProblemTemplate[] = [
  {
    title: '老旧小区加装电梯审批难、协调难',
    description: '{place}多个老旧小区居民反映加装电梯需全体业主签字同意，低层住户意见难以协调，审批流程不清晰。',
    category: '老旧小区改造',
    lead: '湖州市住房和城乡建设局',
    co: '湖州市自然资源和规划局',
  },
  {
    title: '改造后雨污分流不彻底、路面反复开挖',
    description: '{place}老旧小区改造完成后雨污管网仍有混接，部分路面改造后半年内被再次开挖。',
    category: '老旧小区改造',
    lead: '湖州市住房和城乡建设局',
    co: '湖州市水利局',
  },
  {
    title: '小区停车位严重不足、占用消防通道',
    description: '{place}老旧小区机动车停车位缺口大，车辆占用消防通道现象普遍，存在安全隐患。',
    category: '停车管理',
    lead: '湖州市公安局',
    co: '湖州市综合行政执法局',
  },
  {
    title: '改造工程质量问题整改不及时',
    description: '{place}老旧小区改造中外墙保温、屋面防水等工程出现渗漏，居民多次反映未得到及时维修。',
    category: '工程质量',
    lead: '湖州市住房和城乡建设局',
  },
  {
    title: '适老化和无障碍设施改造不到位',
    description: '{place}老旧小区老年人比例高，楼道扶手、坡道、助餐点等适老化设施缺乏。',
    category: '适老化',
    lead: '湖州市民政局',
    co: '湖州市住房和城乡建设局',
  },
  {
    title: '小区管线杂乱、“空中蜘蛛网”',
    description: '{place}老旧小区电力、通信线路私拉乱接，“空中蜘蛛网”问题突出，存在火灾隐患。',
    category: '管线整治',
    lead: '湖州市住房和城乡建设局',
    co: '湖州市综合行政执法局',
  },
  {
    title: '改造后缺乏长效物业管理',
    description: '{place}部分老旧小区改造后无物业管理，公共设施无人维护，垃圾清运不及时。',
    category: '物业管理',
    lead: '湖州市住房和城乡建设局',
    co: '湖州市民政局',
  },
  {
    title: '电动自行车充电设施不足、飞线充电',
    description: '{place}老旧小区电动自行车集中充电设施不足，居民楼道停放和飞线充电现象较多。',
    category: '消防安全',
    lead: '湖州市公安局',
    co: '湖州市住房和城乡建设局',
  },
  {
    title: '小区绿化被侵占、公共空间不足',
    description: '{place}老旧小区绿地被私自开垦种菜、搭建，居民活动空间不足。',
    category: '环境整治',
    lead: '湖州市综合行政执法局',
  },
  {
    title: '改造资金居民出资比例争议大',
    description: '{place}老旧小区改造中居民出资部分分摊方案不透明，部分居民对出资比例有异议。',
    category: '资金管理',
    lead: '湖州市住房和城乡建设局',
    co: '湖州市发展和改革委员会',
  },
  {
    title: '社区卫生服务站服务能力不足',
    description: '{place}老旧小区周边社区卫生服务站面积小、全科医生少，老年人慢病管理服务难以满足需求。',
    category: '公共服务',
    lead: '湖州市卫生健康委员会',
  },
  {
    title: '小区周边学校上下学时段交通拥堵',
    description: '{place}老旧小区周边学校上下学时段接送车辆拥堵，缺少临时停靠区和交通疏导。',
    category: '交通秩序',
    lead: '湖州市公安局',
    co: '湖州市教育局',
  },
];

export const INDICATOR_SCHEME = {
  name: '部门履职评议指标体系（2026 版）',
  indicators: [
    {
      key: 'A',
      name: '履职成效',
      weight: 40,
      children: [
        { key: 'A1', name: '重点任务完成情况', weight: 60, rule: { kind: 'scale' } },
        { key: 'A2', name: '问题整改成效', weight: 40, rule: { kind: 'scale' } },
      ],
    },
    {
      key: 'B',
      name: '服务质量',
      weight: 35,
      children: [
        { key: 'B1', name: '办事效率', weight: 50, rule: { kind: 'scale' } },
        { key: 'B2', name: '服务态度', weight: 50, rule: { kind: 'scale' } },
      ],
    },
    { key: 'C', name: '作风建设', weight: 25, rule: { kind: 'scale' } },
  ],
};
