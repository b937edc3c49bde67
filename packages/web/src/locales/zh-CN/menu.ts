/** Navigation and page titles: one key per route of src/console/routes.ts. */
export default {
  'menu.workbench': '工作台',
  'menu.section.admin': '系统管理',
  'menu.section.records': '留痕与审计',
  'menu.units': '单位管理',
  'menu.users': '用户管理',
  'menu.events': '事件记录',
  'menu.audit': '安全审计',
  'menu.section.campaigns': '评议',
  'menu.campaigns': '评议活动',
  'menu.schemes': '评议指标体系',
  'menu.section.lists': '三单管理',
  'menu.lists.problems': '问题清单',
  'menu.lists.responsibility': '责任清单',
  'menu.lists.rectification': '整改清单',
  'menu.tasks.unit': '我的任务',
  'menu.tasks.verification': '核查任务',
} as const;
