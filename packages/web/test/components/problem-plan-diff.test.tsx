// @vitest-environment happy-dom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, expect, test } from 'vitest';
import { PlanDiff } from '../../src/console/pages/problems/components/PlanDiff.tsx';
import { PlanPanel } from '../../src/console/pages/problems/components/PlanPanel.tsx';
import type { PlanRecord } from '../../src/console/pages/problems/service.ts';
import { renderConsole } from './render.tsx';

afterEach(cleanup);

/** Two versions as `GET /api/problems/:id/plans` answers them: the first returned, the second pending. */
const versions: PlanRecord[] = [
  {
    version: 1,
    submittedAt: '2026-03-01T02:00:00.000Z',
    submittedBy: 'unit_liaison',
    plan: {
      goal: '老旧小区加装电梯问题得到有效解决',
      rootCause: '职责分工不清',
      measures: [
        { text: '梳理问题清单，明确责任科室和时间节点', owner: '办公室', due: '2026-03-10' },
        { text: '制定整改措施并组织实施', owner: '业务科室', due: '2026-04-30' },
        { text: '召开居民协调会', owner: '社区', due: '2026-03-20' },
      ],
      deadline: '2026-05-31',
      funds: 100000,
    },
    review: { outcome: 'returned', comments: '措施针对性不强，请补充时间节点和量化目标' },
    changes: [],
  },
  {
    version: 2,
    submittedAt: '2026-03-05T02:00:00.000Z',
    submittedBy: 'unit_liaison',
    plan: {
      goal: '老旧小区加装电梯问题得到有效解决，并形成可复制经验',
      rootCause: '职责分工不清',
      measures: [
        { text: '梳理问题清单，明确责任科室和时间节点', owner: '办公室', due: '2026-03-10' },
        { text: '制定整改措施并组织实施', owner: '城建科', due: '2026-04-20' },
        { text: '召开居民协调会并公示结果', owner: '社区', due: '2026-03-25' },
        { text: '建立长效管理制度', owner: '法规科', due: '2026-05-30' },
      ],
      deadline: '2026-05-31',
      funds: 150000,
    },
    review: { outcome: 'pending', comments: null },
    changes: [],
  },
];

const rowsOfKind = (kind: string) => document.querySelectorAll(`[data-testid="plan-diff"] tr[data-kind="${kind}"]`);

test('the diff of two plan versions highlights changed fields, changed measures and added measures', () => {
  renderConsole(<PlanDiff versions={versions} />);
  const diff = screen.getByTestId('plan-diff');

  const changed = [...rowsOfKind('changed')].map((r) => r.textContent ?? '');
  expect(changed).toHaveLength(4);
  expect(changed[0]).toContain('修改');
  expect(changed[0]).toContain('整改目标');
  expect(changed[0]).toContain('老旧小区加装电梯问题得到有效解决，并形成可复制经验');
  expect(changed.some((t) => t.includes('资金（元）') && t.includes('100000') && t.includes('150000'))).toBe(true);
  // Same wording, new owner and date: the same measure, changed.
  expect(
    changed.some(
      (t) => t.includes('制定整改措施并组织实施（业务科室，2026-04-30）') && t.includes('城建科，2026-04-20'),
    ),
  ).toBe(true);
  // New wording in place of an old measure: shown as that measure changed, the old text struck through.
  const reworded = rowsOfKind('changed')[3] as HTMLElement;
  expect(within(reworded).getByText('召开居民协调会（社区，2026-03-20）').closest('del')).not.toBeNull();
  expect(reworded.textContent).toContain('召开居民协调会并公示结果（社区，2026-03-25）');

  const added = [...rowsOfKind('added')];
  expect(added).toHaveLength(1);
  expect(added[0]!.textContent).toContain('新增');
  expect(added[0]!.textContent).toContain('建立长效管理制度（法规科，2026-05-30）');
  expect(rowsOfKind('removed')).toHaveLength(0);

  // The unchanged measure and field are not listed.
  expect(diff.textContent).not.toContain('梳理问题清单');
  expect(diff.textContent).not.toContain('原因分析');
});

test('a measure dropped in a later version is shown as removed', () => {
  const v3: PlanRecord = {
    ...versions[1]!,
    version: 3,
    plan: { ...versions[1]!.plan, measures: versions[1]!.plan.measures.filter((m) => !m.text.startsWith('召开')) },
  };
  renderConsole(<PlanDiff versions={[...versions, v3]} />);
  const removed = [...rowsOfKind('removed')];
  expect(removed).toHaveLength(1);
  expect(removed[0]!.textContent).toContain('删除');
  expect(
    within(removed[0] as HTMLElement)
      .getByText('召开居民协调会并公示结果（社区，2026-03-25）')
      .closest('del'),
  ).not.toBeNull();
  expect(rowsOfKind('added')).toHaveLength(0);
  expect(rowsOfKind('changed')).toHaveLength(0);
});

test('the same version on both sides shows that there is no difference; one version cannot be compared', () => {
  renderConsole(<PlanDiff versions={[versions[0]!]} />);
  expect(screen.getByText('至少两个版本才能对比')).toBeTruthy();
  cleanup();
  const same = [versions[0]!, { ...versions[0]!, version: 2 }];
  renderConsole(<PlanDiff versions={same} />);
  expect(screen.getByText('两个版本没有差异')).toBeTruthy();
});

test('the plan panel shows the current version, its measures and the review of each version', () => {
  renderConsole(<PlanPanel versions={versions} />);
  const panel = screen.getByTestId('plan-panel');
  expect(panel.textContent).toContain('现行方案：第 2 版');
  expect(panel.textContent).toContain('待审核');
  expect(panel.textContent).toContain('建立长效管理制度');
  expect(panel.textContent).toContain('已退回');
  expect(panel.textContent).toContain('审核意见：措施针对性不强，请补充时间节点和量化目标');
});
