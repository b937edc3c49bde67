/** Category → lead unit (牵头单位) and optional co-operating units (配合单位). */
export type RoutingTable = Record<string, string | { lead: string; cooperating?: string[] }>;

export interface RoutingSuggestion {
  lead: string | undefined;
  cooperating: string[];
}

/** Default table for the seven first-level categories of the shipped model. Deployments pass
 * their own (unit names differ by city). */
export const DEFAULT_ROUTING: RoutingTable = {
  城乡建设: { lead: '市住房和城乡建设局', cooperating: ['市自然资源和规划局', '市城市管理和综合执法局'] },
  劳动和社会保障: { lead: '市人力资源和社会保障局', cooperating: ['市医疗保障局'] },
  教育文体: { lead: '市教育局', cooperating: ['市文化旅游广电体育局'] },
  商贸旅游: { lead: '市商务局', cooperating: ['市市场监督管理局', '市文化旅游广电体育局'] },
  环境保护: { lead: '市生态环境局', cooperating: ['市城市管理和综合执法局'] },
  卫生计生: { lead: '市卫生健康委员会', cooperating: ['市医疗保障局'] },
  交通运输: { lead: '市交通运输局', cooperating: ['市公安局交通警察支队'] },
};

/** The unit suggested for `category` by `table`; `fallback` when the category is not routed. */
export function suggestLeadUnit(category: string, table: RoutingTable = DEFAULT_ROUTING, fallback?: string): RoutingSuggestion {
  const e = table[category];
  if (e === undefined) return { lead: fallback, cooperating: [] };
  if (typeof e === 'string') return { lead: e, cooperating: [] };
  return { lead: e.lead, cooperating: e.cooperating ?? [] };
}
