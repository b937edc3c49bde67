import { listEvents } from '../events/service.ts';

/** The workbench shows the latest events in scope; more modules add their own summaries here. */
export const recentEvents = () => listEvents({ page: 1, pageSize: 8 });
