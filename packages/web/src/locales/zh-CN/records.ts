/** Event record and security audit viewers. */
export default {
  'records.at': '时间',
  'records.actor': '操作人',
  'records.details': '详情',
  'records.region': '行政区划',
  'events.type': '事件类型',
  'events.subject': '对象',
  'events.subjectType': '对象类型',
  'events.subjectId': '对象编号',
  'events.evidence': '证据',
  'audit.action': '操作',
  'audit.outcome': '结果',
  'audit.success': '成功',
  'audit.failure': '失败',
  'audit.ip': 'IP 地址',
} as const;
