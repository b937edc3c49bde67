// A small lexicon for public feedback on government handling (评价, 回访, 留言追评). Weights are
// rough strengths (1 mild … 3 strong). Multi-character words only where a single character is
// ambiguous; matching is longest-first so 不满意 is not read as 满意.
export const POSITIVE: Record<string, number> = {
  满意: 2, 非常满意: 3, 很满意: 3, 感谢: 1.5, 谢谢: 1.5, 点赞: 2, 好评: 2, 及时: 1.5, 高效: 2, 负责: 1.5,
  认真: 1.5, 耐心: 1.5, 热情: 1.5, 解决了: 2, 已解决: 2, 办好了: 2, 落实了: 1.5, 给力: 2, 辛苦了: 1.5,
  专业: 1, 周到: 1.5, 到位: 1.5, 快速: 1, 迅速: 1.5, 改善: 1, 好多了: 2, 点个赞: 2, 为民: 1, 感动: 2,
  值得表扬: 2.5, 表扬: 2, 赞: 1.5, 好: 0.8, 不错: 1.5, 很好: 2, 放心: 1.5, 顺利: 1, 规范: 1, 干净: 1,
};
export const NEGATIVE: Record<string, number> = {
  不满意: 2.5, 非常不满意: 3, 很不满意: 3, 失望: 2, 敷衍: 2.5, 推诿: 2.5, 踢皮球: 3, 不作为: 3, 乱作为: 3,
  没解决: 2.5, 没有解决: 2.5, 未解决: 2.5, 还是没: 2, 仍然没: 2, 依然: 1, 拖延: 2, 拖了: 1.5, 石沉大海: 3,
  无人处理: 3, 没人管: 3, 不管: 2, 官僚: 2.5, 态度差: 3, 态度恶劣: 3, 差评: 2.5, 气愤: 2.5, 愤怒: 3,
  投诉无门: 3, 糊弄: 2.5, 应付: 2, 走过场: 2.5, 形式主义: 2.5, 答非所问: 2.5, 不负责: 2.5, 无语: 2,
  严重: 1, 扰民: 1.5, 恶劣: 2.5, 太差: 2.5, 很差: 2.5, 差: 1, 骗: 2, 欺骗: 2.5, 坑: 1.5, 垃圾: 1.5,
  寒心: 3, 心寒: 3, 不公: 2, 不合理: 1.5, 怎么回事: 1.5, 到底: 0.8, 又: 0.5, 再次: 0.8, 多次: 1, 反复: 1,
  没有回复: 2.5, 没回复: 2.5, 不回复: 2.5, 一拖再拖: 3, 没有任何: 1.5, 不了了之: 3, 毫无: 1.5, 太慢: 2, 慢: 0.8,
};
// Negators flip the next sentiment word within a short span; degree words scale it.
export const NEGATORS = ['不是', '没有', '并不', '并非', '不太', '不够', '未', '没', '不', '别', '无'];
export const DEGREE: Record<string, number> = { 非常: 1.6, 特别: 1.6, 十分: 1.5, 极其: 1.8, 太: 1.5, 很: 1.3, 相当: 1.4, 比较: 1.1, 有点: 0.8, 稍微: 0.7, 真: 1.3 };
