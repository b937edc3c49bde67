import { TaskBoard, type TaskView } from './components/TaskBoard.tsx';

const VIEWS: readonly TaskView[] = [{ label: 'menu.tasks.verification', states: ['verifying'] }];

/** 核查任务 for supervisors: problems in their scope awaiting on-site verification, soonest deadline first. */
export default function VerificationTasksPage() {
  return <TaskBoard intro="tasks.verify.intro" views={VIEWS} empty="tasks.empty.verify" />;
}
