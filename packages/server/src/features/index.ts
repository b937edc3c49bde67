import type { FastifyInstance } from 'fastify';
import { auditRoutes } from './audit/routes.ts';
import { authRoutes } from './auth/routes.ts';
import { eventRoutes } from './events/routes.ts';
import { healthRoutes } from './health/routes.ts';
import { ledgerRoutes } from './ledger/routes.ts';
import { regionRoutes } from './regions/routes.ts';
import { unitRoutes } from './units/routes.ts';
import { userRoutes } from './users/routes.ts';
import { problemRoutes } from './problems/routes.ts';
import { kpiRoutes } from './kpi/routes.ts';
import { evidenceRoutes } from './evidence/routes.ts';
import { campaignRoutes } from './campaigns/routes.ts';
import { followUpRoutes } from './follow-up/routes.ts';
import { reminderRoutes } from './reminders/routes.ts';
import { caseRoutes } from './cases/routes.ts';
import { clueRoutes } from './clues/routes.ts';
import { publicRoutes } from './public/routes.ts';
import { open311Routes } from './open311/routes.ts';
import { importRoutes } from './imports/routes.ts';
import { analyticsRoutes } from './analytics/routes.ts';
import { workbenchRoutes } from './workbench/routes.ts';
import { bulletinRoutes } from './bulletins/routes.ts';
import { publicAccountRoutes } from './public-accounts/routes.ts';
import { settingsRoutes } from './settings/routes.ts';

/** Every feature of the API, registered in this order. A new feature adds one line here. */
export const features: ((app: FastifyInstance) => void)[] = [
  healthRoutes,
  authRoutes,
  regionRoutes,
  unitRoutes,
  userRoutes,
  eventRoutes,
  auditRoutes,
  problemRoutes,
  kpiRoutes,
  evidenceRoutes,
  campaignRoutes,
  followUpRoutes,
  reminderRoutes,
  caseRoutes,
  clueRoutes,
  publicRoutes,
  open311Routes,
  importRoutes,
  analyticsRoutes,
  workbenchRoutes,
  bulletinRoutes,
  publicAccountRoutes,
  ledgerRoutes,
  settingsRoutes,
];
