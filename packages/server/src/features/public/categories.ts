import { DEFAULT_ROUTING } from '@rectify/nlp';

/** The clue categories offered to the public (and as Open311 services): the classifier's first-level categories. */
export const PUBLIC_CATEGORIES: readonly { code: string; name: string; description: string }[] = [
  ...Object.keys(DEFAULT_ROUTING).map((name, i) => ({
    code: `C${String(i + 1).padStart(2, '0')}`,
    name,
    description: `${name}方面的问题和意见建议`,
  })),
  { code: 'C99', name: '其他', description: '其他问题和意见建议' },
];

export const categoryByCode = (code: string) => PUBLIC_CATEGORIES.find((c) => c.code === code);
export const categoryByName = (name: string) => PUBLIC_CATEGORIES.find((c) => c.name === name);
