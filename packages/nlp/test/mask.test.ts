import { describe, expect, it } from 'vitest';
import { findPersonalData, luhnValid, maskName, maskPersonalData, maskPhone } from '../src/index.ts';

// Sentences written for these tests (not taken from the message data). Each lists the secrets
// that must NOT survive masking and the masked forms that must appear.
const CORPUS: { text: string; secrets: string[]; expect?: string[] }[] = [
  { text: '我叫李明今年35岁，电话13812345678。', secrets: ['李明', '13812345678'], expect: ['李*', '138****5678'] },
  { text: '联系人：王小红，手机 138 1234 5678', secrets: ['王小红', '1234'], expect: ['王**', '138****5678'] },
  { text: '手机号138-1234-5678，打不通请发短信', secrets: ['1234'], expect: ['138****5678'] },
  { text: '手机：＋８６ １３９－１２３４－５６７８', secrets: ['１２３４'], expect: ['139****5678'] },
  { text: '电话+86 13912345678找我', secrets: ['13912345678'], expect: ['139****5678'] },
  { text: '身份证号110105199001011234，请核实', secrets: ['19900101'], expect: ['110105********1234'] },
  { text: '身份证：11010519900101123X', secrets: ['19900101'], expect: ['110105********123X'] },
  { text: '身份证 110105 19900101 1234 是我的', secrets: ['19900101'], expect: ['110105********1234'] },
  { text: '身份证号码430103850101123（老证）', secrets: ['850101'] },
  { text: '工资卡号6222021234567890128一直没到账', secrets: ['1234567890'], expect: ['622202*********0128'] },
  { text: '银行卡 6222 0212 3456 7890 128 请查', secrets: ['3456 7890'] },
  { text: '卡号4111-1111-1111-1111', secrets: ['1111-1111-1111'], expect: ['411111******1111'] },
  { text: '座机0731-88881234或者(0731)8888-1234', secrets: ['88881234', '8888-1234'] },
  { text: '办公电话：84567890', secrets: ['84567890'], expect: ['****7890'] },
  { text: '请发邮件到 zhangsan.work@example.com 联系', secrets: ['zhangsan.work'], expect: ['z***@example.com'] },
  { text: 'QQ邮箱12345678@qq.com', secrets: ['12345678'] },
  { text: '本人姓名：欧阳娜娜，住芙蓉中路二段123号5栋2单元301室', secrets: ['娜娜', '123号', '301'], expect: ['欧阳**', '***号*栋*单元***室'] },
  { text: '住在米兰春天G2栋320，楼下噪音', secrets: ['G2栋320'] },
  { text: '投诉人张建国反映物业乱收费', secrets: ['张建国'], expect: ['张**'] },
  { text: '请转告王建国先生和刘芳女士', secrets: ['王建国', '刘芳'], expect: ['王**先生', '刘*女士'] },
  { text: '家住幸福小区3幢1单元502户，电话13700001111', secrets: ['502', '13700001111'] },
  { text: '车牌湘A12345的车长期占道', secrets: ['A12345'] },
];

describe('maskPersonalData', () => {
  for (const c of CORPUS) {
    it(`masks: ${c.text}`, () => {
      const out = maskPersonalData(c.text);
      for (const s of c.secrets) expect(out).not.toContain(s);
      for (const e of c.expect ?? []) expect(out).toContain(e);
    });
  }

  it('leaves ordinary text alone', () => {
    const plain = [
      '2019年5月13日收到通知，金额13000元，共3户受影响',
      '5月12号下午在地铁1号线发生拥堵，根据3号文件规定执行',
      '感谢张先生的帮助，刘女士反映情况属实',
      '请尽快处理A3区的道路积水问题',
      '建议增加公交车班次，高峰期每10分钟一班',
    ];
    for (const p of plain) expect(maskPersonalData(p)).toBe(p);
  });

  it('reports kinds and offsets', () => {
    const text = '电话13812345678，身份证110105199001011234';
    const kinds = findPersonalData(text).map((s) => s.kind);
    expect(kinds).toEqual(['mobile', 'idCard']);
  });

  it('masks every occurrence in a long text, not only the first', () => {
    // Speed is measured by bench/, not asserted here (tests check behaviour only).
    const text = '我叫李明，电话13812345678，住芙蓉中路123号5栋301室，反映小区噪音扰民问题。'.repeat(10);
    const masked = maskPersonalData(text);
    expect(masked).not.toContain('13812345678');
    expect(masked.match(/138\*{4}5678/g)).toHaveLength(10);
  });
});

describe('field helpers', () => {
  it('maskName', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('王小明')).toBe('王**');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('李')).toBe('*');
  });
  it('maskPhone', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('0731-88881234')).toBe('0731-****1234');
    expect(maskPhone('010 12345678')).toBe('010-****5678');
  });
  it('luhn', () => {
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
});
