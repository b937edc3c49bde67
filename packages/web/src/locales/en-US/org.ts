import type zh from '../zh-CN/org.ts';

export default {
  'role.admin': 'System administrator',
  'role.security_admin': 'Security administrator',
  'role.audit_admin': 'Audit administrator',
  'role.cppcc_staff': 'CPPCC review office staff',
  'role.member': 'CPPCC member',
  'role.supervisor': 'Rectification supervisor',
  'role.leader': 'Party/government leader',
  'role.unit_liaison': 'Unit liaison',
  'role.unit_head': 'Unit head',
  'role.evaluator': 'Third-party evaluator',
  'unitKind.cppcc': 'CPPCC committee',
  'unitKind.party_committee': 'Party committee',
  'unitKind.government': 'Government',
  'unitKind.department': 'Department',
  'unitKind.town': 'Town / subdistrict',
  'unitKind.third_party': 'Third party',
  'scope.region': 'Region {region} and below',
  'scope.unit': 'Unit: {unit}',
  'region.placeholder': 'Choose a region',
  'unit.placeholder': 'Type to search units',
} satisfies Record<keyof typeof zh, string>;
