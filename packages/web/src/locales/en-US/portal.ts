import type zh from '../zh-CN/portal.ts';

export default {
  'portal.skip': 'Skip to content',
  'portal.name': 'Citizen Direct',
  'portal.platform': 'CPPCC Review & Rectification Platform',
  'portal.purpose':
    'The CPPCC reviews issues the public cares about, hands each problem it finds to a responsible unit and follows it until it is really solved. Here you can report problems, track their progress and rate the result.',
  'portal.report': 'Report a problem',
  'portal.reportDesc': 'Tell us about a problem or clue and get a tracking code at once.',
  'portal.track': 'Track progress',
  'portal.trackDesc': 'Use your tracking code to see progress and the published rectification.',
  'portal.comingSoon': 'Public participation opens soon.',
  'portal.elder': 'Large text',
  'portal.elderOn': 'Large text and high contrast: on',
  'portal.elderOff': 'Large text and high contrast: off',
  'portal.language': '中文',
  'portal.staff': 'Staff sign-in',
  'portal.apiDocs': 'API documentation',
  'portal.statusOk': 'Service is running',
  'portal.statusConnecting': 'Connecting…',
  'portal.statusDown': 'Service unavailable: {message}',
  'portal.privacy': 'Personal data you submit is stored encrypted and always masked when published.',
} satisfies Record<keyof typeof zh, string>;
