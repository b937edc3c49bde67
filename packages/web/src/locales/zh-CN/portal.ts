/** The public portal's words (loaded by the portal only). */
export default {
  'portal.skip': '跳到正文',
  'portal.name': '民意直通车',
  'portal.platform': '政协评议整改平台',
  'portal.purpose':
    '政协围绕群众关心的问题开展评议，把发现的问题交给责任单位整改，并跟踪到问题真正解决。您可以在这里反映问题、查询办理进度、评价整改结果。',
  'portal.report': '反映问题',
  'portal.reportDesc': '提交您发现的问题或线索，立即获得查询码。',
  'portal.track': '进度查询',
  'portal.trackDesc': '凭查询码查看办理进度和公开的整改情况。',
  'portal.comingSoon': '公众参与功能即将上线，敬请期待。',
  'portal.elder': '长辈模式',
  'portal.elderOn': '长辈模式：已开启（大字体、高对比度）',
  'portal.elderOff': '长辈模式：未开启',
  'portal.language': 'English',
  'portal.staff': '工作人员登录',
  'portal.apiDocs': '接口文档',
  'portal.statusOk': '服务运行正常',
  'portal.statusConnecting': '正在连接服务…',
  'portal.statusDown': '服务暂不可用：{message}',
  'portal.privacy': '您提交的个人信息将加密保存，公开时一律脱敏。',
} as const;
