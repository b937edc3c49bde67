import type { ProblemCommandType } from '@rectify/domain/problem/commands';
import { PROBLEM_TRANSITIONS } from '@rectify/domain/problem/transitions';
import type { MeView } from '@rectify/domain/schemas/auth';
import { holdsCommandRole } from '../../access.ts';
import type { Problem } from './service.ts';

/**
 * Bulk actions on the selected rows of a list. Lifecycle commands: the escalation steps, whose only input is a note,
 * so one form serves every row. Each is offered only to users whose role holds a permit of the command, and only
 * when every selected row is in a state the command starts from (the machine's own table); the server still decides
 * per row, with the row's version, and its answer is shown per row.
 */
export const BULK_COMMANDS = ['urge', 'supervise', 'list_supervision'] as const satisfies readonly ProblemCommandType[];
export type BulkCommand = (typeof BULK_COMMANDS)[number];

export const bulkCommandsFor = (me: MeView): BulkCommand[] => BULK_COMMANDS.filter((c) => holdsCommandRole(me, c));

export const rowsAllow = (command: BulkCommand, rows: readonly Pick<Problem, 'state'>[]): boolean =>
  rows.length > 0 && rows.every((r) => PROBLEM_TRANSITIONS[command].from.includes(r.state));

export interface RowOutcome {
  id: string;
  title: string;
  ok: boolean;
  /** The server's message when refused. */
  message?: string;
}

/**
 * Runs `act` on each row one after another (so a burst of writes does not trip rate limits or lock each other) and
 * collects every row's outcome; one refusal does not stop the others.
 */
export async function runPerRow<R extends Pick<Problem, 'id' | 'title'>>(
  rows: readonly R[],
  act: (row: R) => Promise<unknown>,
  errorText: (err: unknown) => string,
): Promise<RowOutcome[]> {
  const outcomes: RowOutcome[] = [];
  for (const row of rows) {
    try {
      await act(row);
      outcomes.push({ id: row.id, title: row.title, ok: true });
    } catch (err) {
      outcomes.push({ id: row.id, title: row.title, ok: false, message: errorText(err) });
    }
  }
  return outcomes;
}
