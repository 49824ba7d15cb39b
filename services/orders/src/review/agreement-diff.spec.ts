import { diffSnapshots, isSpecFieldKey, specSnapshot } from './agreement-diff';

const V1 = specSnapshot({
  material: '6061-T6 铝合金', tolerance: '±0.05 mm', surfaceTreatment: '阳极氧化', dimensions: '120×80×15 mm', quantity: 5000,
  hardness: 'HB 95', unitWeight: '0.35 kg', packaging: '珍珠棉 + 纸箱', certificationStandard: 'RoHS',
  inspectionStandard: 'GB/T 2828.1 AQL 1.0', colour: '银白', craftNotes: 'CNC 后去毛刺',
});

describe('agreement diff', () => {
  it('freezes all 12 fields, missing ones as null', () => {
    expect(Object.keys(V1)).toHaveLength(12);
    expect(specSnapshot({ material: 'x' }).colour).toBeNull();
  });

  it('finds nothing between identical versions', () => {
    expect(diffSnapshots(V1, { ...V1 })).toEqual([]);
  });

  it('lists changed fields in form order with labels and before/after as text', () => {
    const v2 = { ...V1, craftNotes: '研磨配合面', tolerance: '±0.03 mm', quantity: 6000 };
    expect(diffSnapshots(V1, v2)).toEqual([
      { field: 'tolerance', labelZh: '公差', labelEn: 'tolerance', before: '±0.05 mm', after: '±0.03 mm' },
      { field: 'quantity', labelZh: '数量', labelEn: 'quantity', before: '5000', after: '6000' },
      { field: 'craftNotes', labelZh: '工艺备注', labelEn: 'craft notes', before: 'CNC 后去毛刺', after: '研磨配合面' },
    ]);
  });

  it('treats a field that appears or disappears as a change', () => {
    expect(diffSnapshots({ colour: null }, { colour: '黑色' })).toEqual([{ field: 'colour', labelZh: '颜色', labelEn: 'colour', before: null, after: '黑色' }]);
  });

  it('knows the 12 spec field keys', () => {
    expect(isSpecFieldKey('tolerance')).toBe(true);
    expect(isSpecFieldKey('price')).toBe(false);
  });
});
