import type zh from '../zh-CN/records.ts';

export default {
  'records.at': 'Time',
  'records.actor': 'Actor',
  'records.details': 'Details',
  'records.region': 'Region',
  'events.type': 'Event type',
  'events.subject': 'Subject',
  'events.subjectType': 'Subject type',
  'events.subjectId': 'Subject ID',
  'events.evidence': 'Evidence',
  'audit.action': 'Action',
  'audit.outcome': 'Outcome',
  'audit.success': 'Success',
  'audit.failure': 'Failure',
  'audit.ip': 'IP address',
} satisfies Record<keyof typeof zh, string>;
