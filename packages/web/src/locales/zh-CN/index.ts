import admin from './admin.ts';
import auth from './auth.ts';
import campaign from './campaign.ts';
import clues from './clues.ts';
import common from './common.ts';
import dashboard from './dashboard.ts';
import lists from './lists.ts';
import menu from './menu.ts';
import org from './org.ts';
import problem from './problem.ts';
import records from './records.ts';
import settings from './settings.ts';
import bulletins from './bulletins.ts';
import followUp from './followUp.ts';
import workbench from './workbench.ts';

/** The console's zh-CN messages (the portal has its own, in portal.ts, so it never loads these). */
const messages = { ...common, ...menu, ...org, ...auth, ...workbench, ...admin, ...records, ...lists, ...campaign, ...problem, ...dashboard, ...clues, ...settings, ...followUp, ...bulletins };
export default messages;
export type MessageKey = keyof typeof messages;
