import type zh from '../zh-CN/menu.ts';

export default {
  'menu.workbench': 'Workbench',
  'menu.section.admin': 'Administration',
  'menu.section.records': 'Records & audit',
  'menu.units': 'Units',
  'menu.users': 'Users',
  'menu.events': 'Events',
  'menu.audit': 'Security audit',
} satisfies Record<keyof typeof zh, string>;
