import { describe, expect, it } from 'vitest';
import { materialFamiliesIn, parseIdentification } from './identification';

describe('parseIdentification', () => {
  it('reads GB/T 16552 treatment declarations', () => {
    expect(parseIdentification('翡翠（处理）手镯')).toMatchObject({
      material: '翡翠',
      materialFamily: 'jadeite',
      treatment: 'treated',
      item: '手镯',
    });
    expect(parseIdentification('翡翠（A货）挂件')).toMatchObject({ treatment: 'natural', item: '挂件' });
    expect(parseIdentification('翡翠手镯').treatment).toBe('natural');
    expect(parseIdentification('石英岩玉（染色）手镯')).toMatchObject({
      materialFamily: 'quartz_jade',
      treatment: 'treated',
    });
    expect(parseIdentification('蓝宝石（热处理）戒指').treatment).toBe('enhanced');
    expect(parseIdentification('红宝石（优化）戒面').treatment).toBe('enhanced');
  });

  it('tells pearl waters apart and sees through imitations', () => {
    expect(parseIdentification('淡水珍珠项链')).toMatchObject({
      materialFamily: 'pearl',
      pearlWater: 'freshwater',
    });
    expect(parseIdentification('海水珍珠耳钉').pearlWater).toBe('seawater');
    expect(parseIdentification('玻璃仿翡翠手镯')).toMatchObject({ materialFamily: 'glass', imitation: true });
  });

  it('lists every family a mounted piece mentions', () => {
    expect(materialFamiliesIn('翡翠（A货）吊坠，18K金镶嵌钻石')).toEqual(
      expect.arrayContaining(['jadeite', 'diamond']),
    );
    expect(materialFamiliesIn('玻璃仿翡翠手镯')).toEqual(['glass']);
  });
});
