import type { Role } from '@rectify/domain';

/** The demo city: 湖州市 (Zhejiang), a real prefecture-level city with 5 counties/districts. */
export const DEMO_CITY = { code: '330500', name: '湖州市' };

export const CITY_UNITS: {
  name: string;
  kind: 'cppcc' | 'party_committee' | 'government' | 'department' | 'third_party';
}[] = [
  { name: '政协湖州市委员会', kind: 'cppcc' },
  { name: '中共湖州市委员会', kind: 'party_committee' },
  { name: '湖州市人民政府', kind: 'government' },
  { name: '湖州市发展和改革委员会', kind: 'department' },
  { name: '湖州市教育局', kind: 'department' },
  { name: '湖州市公安局', kind: 'department' },
  { name: '湖州市民政局', kind: 'department' },
  { name: '湖州市人力资源和社会保障局', kind: 'department' },
  { name: '湖州市自然资源和规划局', kind: 'department' },
  { name: '湖州市生态环境局', kind: 'department' },
  { name: '湖州市住房和城乡建设局', kind: 'department' },
  { name: '湖州市交通运输局', kind: 'department' },
  { name: '湖州市水利局', kind: 'department' },
  { name: '湖州市农业农村局', kind: 'department' },
  { name: '湖州市商务局', kind: 'department' },
  { name: '湖州市卫生健康委员会', kind: 'department' },
  { name: '湖州市市场监督管理局', kind: 'department' },
  { name: '湖州市综合行政执法局', kind: 'department' },
  { name: '湖州市营商环境与政务服务评估中心', kind: 'third_party' },
];

/** One demo account per role; the username is the role's name (issue #2). */
export const DEMO_ACCOUNTS: { role: Role; displayName: string; unit: string; scope: 'city' | 'unit' }[] = [
  { role: 'admin', displayName: '系统管理员 周明', unit: '湖州市人民政府', scope: 'city' },
  { role: 'cppcc_staff', displayName: '评议办 沈晓燕', unit: '政协湖州市委员会', scope: 'city' },
  { role: 'member', displayName: '政协委员 钱志刚', unit: '政协湖州市委员会', scope: 'city' },
  { role: 'supervisor', displayName: '整改监督员 吴海峰', unit: '政协湖州市委员会', scope: 'city' },
  { role: 'leader', displayName: '市委副书记 陈立新', unit: '中共湖州市委员会', scope: 'city' },
  { role: 'unit_liaison', displayName: '住建局联络员 朱佳怡', unit: '湖州市住房和城乡建设局', scope: 'unit' },
  { role: 'unit_head', displayName: '住建局局长 姚建华', unit: '湖州市住房和城乡建设局', scope: 'unit' },
  { role: 'evaluator', displayName: '评估中心 孙丽', unit: '湖州市营商环境与政务服务评估中心', scope: 'city' },
];

/** The demo city's routing table (交办路由表): each of the classifier's seven categories to its city departments. */
export const DEMO_ROUTING: { category: string; lead: string; cooperating: string[] }[] = [
  {
    category: '城乡建设',
    lead: '湖州市住房和城乡建设局',
    cooperating: ['湖州市自然资源和规划局', '湖州市综合行政执法局'],
  },
  { category: '劳动和社会保障', lead: '湖州市人力资源和社会保障局', cooperating: ['湖州市民政局'] },
  { category: '教育文体', lead: '湖州市教育局', cooperating: [] },
  { category: '商贸旅游', lead: '湖州市商务局', cooperating: ['湖州市市场监督管理局'] },
  { category: '环境保护', lead: '湖州市生态环境局', cooperating: ['湖州市综合行政执法局'] },
  { category: '卫生计生', lead: '湖州市卫生健康委员会', cooperating: ['湖州市市场监督管理局'] },
  { category: '交通运输', lead: '湖州市交通运输局', cooperating: ['湖州市公安局'] },
];

/** The first county's own KPI target (the others inherit the city's, i.e. DESIGN's defaults). */
export const DEMO_COUNTY_TARGETS = { completion: 0.95 };
