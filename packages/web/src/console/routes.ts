import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { MessageKey } from '../locales/zh-CN/index.ts';
import type { AccessFlag } from './access.ts';

export type RouteIcon =
  | 'home'
  | 'bank'
  | 'team'
  | 'history'
  | 'safety'
  | 'unorderedList'
  | 'carryOut'
  | 'audit'
  | 'trophy'
  | 'apartment'
  | 'dashboard'
  | 'inbox';
export type MenuSection = 'admin' | 'records' | 'lists' | 'campaigns';

/**
 * The console's routes, one line each (Ant Design Pro's config/routes.ts): the path under /console, the i18n key of
 * its menu entry and title, the access flag that must be true to see it (src/console/access.ts), and the lazily
 * loaded page. The menu, the route guard and the page titles all read this table.
 */
export interface ConsoleRoute {
  path: string;
  name: MessageKey;
  access: AccessFlag;
  icon: RouteIcon;
  section?: MenuSection;
  /** Reached by a link (e.g. one problem from a list), not from the menu. */
  hidden?: true;
  component: LazyExoticComponent<ComponentType>;
}

export const SECTION_NAMES: Record<MenuSection, MessageKey> = {
  admin: 'menu.section.admin',
  records: 'menu.section.records',
  lists: 'menu.section.lists',
  campaigns: 'menu.section.campaigns',
};

export const routes: readonly ConsoleRoute[] = [
  {
    path: '/',
    name: 'menu.workbench',
    access: 'signedIn',
    icon: 'home',
    component: lazy(() => import('./pages/workbench/index.tsx')),
  },
  {
    path: '/dashboard',
    name: 'menu.dashboard',
    access: 'problemRead',
    icon: 'dashboard',
    component: lazy(() => import('./pages/dashboard/index.tsx')),
  },
  {
    path: '/clues',
    name: 'menu.clues',
    access: 'clueRead',
    icon: 'inbox',
    component: lazy(() => import('./pages/clues/index.tsx')),
  },
  {
    path: '/tasks/unit',
    name: 'menu.tasks.unit',
    access: 'unitTasks',
    icon: 'carryOut',
    component: lazy(() => import('./pages/tasks/unit.tsx')),
  },
  {
    path: '/tasks/verification',
    name: 'menu.tasks.verification',
    access: 'verificationTasks',
    icon: 'audit',
    component: lazy(() => import('./pages/tasks/verification.tsx')),
  },
  {
    path: '/lists/problems',
    name: 'menu.lists.problems',
    access: 'problemRead',
    icon: 'unorderedList',
    section: 'lists',
    component: lazy(() => import('./pages/lists/index.tsx')),
  },
  {
    path: '/lists/responsibility',
    name: 'menu.lists.responsibility',
    access: 'problemRead',
    icon: 'unorderedList',
    section: 'lists',
    component: lazy(() => import('./pages/lists/index.tsx')),
  },
  {
    path: '/lists/rectification',
    name: 'menu.lists.rectification',
    access: 'problemRead',
    icon: 'unorderedList',
    section: 'lists',
    component: lazy(() => import('./pages/lists/index.tsx')),
  },
  {
    path: '/campaigns',
    name: 'menu.campaigns',
    access: 'campaignRead',
    icon: 'trophy',
    section: 'campaigns',
    component: lazy(() => import('./pages/campaigns/index.tsx')),
  },
  {
    path: '/schemes',
    name: 'menu.schemes',
    access: 'campaignRead',
    icon: 'apartment',
    section: 'campaigns',
    component: lazy(() => import('./pages/campaigns/schemes.tsx')),
  },
  {
    path: '/units',
    name: 'menu.units',
    access: 'unitManage',
    icon: 'bank',
    section: 'admin',
    component: lazy(() => import('./pages/units/index.tsx')),
  },
  {
    path: '/users',
    name: 'menu.users',
    access: 'userRead',
    icon: 'team',
    section: 'admin',
    component: lazy(() => import('./pages/users/index.tsx')),
  },
  {
    path: '/admin/regions',
    name: 'menu.regions',
    access: 'regionManage',
    icon: 'apartment',
    section: 'admin',
    component: lazy(() => import('./pages/admin/regions.tsx')),
  },
  {
    path: '/admin/settings',
    name: 'menu.settings',
    access: 'settingsRead',
    icon: 'audit',
    section: 'admin',
    component: lazy(() => import('./pages/admin/settings.tsx')),
  },
  {
    path: '/bulletins',
    name: 'menu.bulletins',
    access: 'bulletinRead',
    icon: 'inbox',
    section: 'campaigns',
    component: lazy(() => import('./pages/bulletins/index.tsx')),
  },
  {
    path: '/events',
    name: 'menu.events',
    access: 'eventRead',
    icon: 'history',
    section: 'records',
    component: lazy(() => import('./pages/events/index.tsx')),
  },
  {
    path: '/audit',
    name: 'menu.audit',
    access: 'auditRead',
    icon: 'safety',
    section: 'records',
    component: lazy(() => import('./pages/audit/index.tsx')),
  },
  {
    path: '/problems/:id',
    name: 'menu.problem',
    access: 'problemRead',
    icon: 'history',
    hidden: true,
    component: lazy(() => import('./pages/problems/index.tsx')),
  },
];
