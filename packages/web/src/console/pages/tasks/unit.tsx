import { useState } from 'react';
import { Select } from 'antd';
import { OPEN_STATES } from '@rectify/domain/problem/states';
import { UnitName } from '../../components/Names.tsx';
import { useI18n } from '../../i18n.tsx';
import { useSignedIn } from '../../session.tsx';
import { TaskBoard, type TaskView } from './components/TaskBoard.tsx';

/**
 * To do: a new assignment (plan to write, also after the plan was returned, or an objection to raise) and
 * rectification under way (progress to report, closure or extension to request). Waiting: the unit has acted and
 * staff or a supervisor decides.
 */
const VIEWS: readonly TaskView[] = [
  { label: 'tasks.segment.todo', states: ['assigned', 'rectifying'] },
  { label: 'tasks.segment.waiting', states: ['disputed', 'plan_review', 'closure_review', 'verifying'] },
  { label: 'tasks.segment.all', states: OPEN_STATES },
];

const UNIT_ROLES = new Set(['unit_liaison', 'unit_head']);

/** 我的任务 for unit liaisons and heads: open problems the unit leads or co-handles, per unit they act for. */
export default function UnitTasksPage() {
  const { t } = useI18n();
  const { me } = useSignedIn();
  const units = [...new Set(me.grants.filter((g) => UNIT_ROLES.has(g.role) && g.unitId).map((g) => g.unitId!))];
  const [unit, setUnit] = useState(units[0]);

  return (
    <TaskBoard
      intro="tasks.unit.intro"
      views={VIEWS}
      unit={unit}
      empty="tasks.empty.unit"
      toolbar={
        units.length > 1 ? (
          <Select
            aria-label={t('tasks.unit')}
            value={unit}
            onChange={setUnit}
            options={units.map((id) => ({ value: id, label: <UnitName id={id} /> }))}
            style={{ minWidth: 220 }}
          />
        ) : null
      }
    />
  );
}
