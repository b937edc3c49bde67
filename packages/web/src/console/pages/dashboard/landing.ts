import { useEffect, useRef } from 'react';
import { useLocation, useNavigate } from 'react-router';
import type { MeView } from '@rectify/domain/schemas/auth';

/** Roles whose console opens on the dashboard (驾驶舱) rather than the workbench. */
const DASHBOARD_FIRST = new Set<string>(['leader']);

/**
 * Leaders land on the dashboard: when the console opens at its root after sign-in (or a reload), it moves to
 * /dashboard once. The workbench stays one menu click away and is not redirected again while the console is open.
 */
export function useDashboardLanding(me: MeView, dashboardAllowed: boolean): void {
  const location = useLocation();
  const navigate = useNavigate();
  const decided = useRef(false);
  useEffect(() => {
    if (decided.current) return;
    decided.current = true;
    if (location.pathname === '/' && dashboardAllowed && me.grants.some((g) => DASHBOARD_FIRST.has(g.role))) {
      navigate('/dashboard', { replace: true });
    }
  }, [location.pathname, dashboardAllowed, me, navigate]);
}
