import { describe, expect, it } from 'vitest';
import { normalizeText, toHalfWidth, toSimplified, Segmenter, getSegmenter } from '../src/index.ts';

describe('normalizeText', () => {
  it('full-width to half-width, same length', () => {
    expect(toHalfWidth('ＡＢＣ１２３！')).toBe('ABC123!');
    expect(toHalfWidth('ＡＢＣ１２３').length).toBe(6);
  });
  it('traditional to simplified', () => {
    expect(toSimplified('環境保護問題請儘快處理')).toBe('环境保护问题请尽快处理');
  });
  it('collapses whitespace', () => {
    expect(normalizeText('  小区\u3000 噪音\n\n扰民  ')).toBe('小区 噪音 扰民');
  });
});

describe('Segmenter', () => {
  it('keeps user-dictionary terms whole and drops stopwords and punctuation', () => {
    const t = getSegmenter().tokens('请住建局和城管局处理A3区的渣土车问题！');
    expect(t).toContain('住建局');
    expect(t).toContain('城管局');
    expect(t).toContain('a3区');
    expect(t).not.toContain('的');
    expect(t).not.toContain('！');
  });
  it('accepts caller words', () => {
    const s = new Segmenter();
    expect(s.cut('青竹湖畔小区停水')).not.toContain('青竹湖畔');
    s.addWords([{ word: '青竹湖畔', tag: 'ns', freq: 50000 }]);
    expect(s.cut('青竹湖畔小区停水')).toContain('青竹湖畔');
  });
});
