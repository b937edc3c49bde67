export default {
  'workbench.welcome': '您好，{name}',
  'workbench.roles': '我的角色与范围',
  'workbench.unit': '所在单位',
  'workbench.region': '所在行政区划',
  'workbench.security': '账号安全',
  'workbench.totpOn': '已启用动态口令',
  'workbench.totpOff': '未启用动态口令（建议工作人员启用）',
  'workbench.recentEvents': '范围内最近动态',
  'workbench.moreEvents': '查看全部事件',
  'workbench.noEventAccess': '您的角色不查看事件记录。',
  'workbench.nextModules': '评议活动、问题清单、整改跟踪、公众参与与统计驾驶舱等模块将在后续版本陆续上线。',
} as const;
