import type zh from '../zh-CN/workbench.ts';

export default {
  'workbench.welcome': 'Hello, {name}',
  'workbench.roles': 'My roles and scope',
  'workbench.unit': 'Unit',
  'workbench.region': 'Region',
  'workbench.security': 'Account security',
  'workbench.totpOn': 'One-time codes are on',
  'workbench.totpOff': 'One-time codes are off (recommended for staff)',
  'workbench.recentEvents': 'Recent activity in my scope',
  'workbench.moreEvents': 'All events',
  'workbench.noEventAccess': 'Your roles do not include the event record.',
  'workbench.nextModules':
    'Campaigns, problem lists, rectification tracking, public participation and the dashboard arrive in later releases.',
} satisfies Record<keyof typeof zh, string>;
