import type zh from '../zh-CN/menu.ts';

export default {
  'menu.dashboard': 'Dashboard',
  'menu.clues': 'Clue triage',
  'menu.workbench': 'Workbench',
  'menu.section.admin': 'Administration',
  'menu.section.records': 'Records & audit',
  'menu.units': 'Units',
  'menu.users': 'Users',
  'menu.events': 'Events',
  'menu.audit': 'Security audit',
  'menu.section.campaigns': 'Review',
  'menu.campaigns': 'Campaigns',
  'menu.schemes': 'Indicator schemes',
  'menu.section.lists': 'Lists',
  'menu.lists.problems': 'Problem list',
  'menu.lists.responsibility': 'Responsibility list',
  'menu.lists.rectification': 'Rectification list',
  'menu.tasks.unit': 'My tasks',
  'menu.tasks.verification': 'Verification tasks',
  'menu.problem': 'Problem',
} satisfies Record<keyof typeof zh, string>;
