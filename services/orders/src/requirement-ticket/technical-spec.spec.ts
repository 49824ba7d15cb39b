import { DomainError } from '@lianxiao/platform';
import { assertSpecComplete, invalidSpecValues, missingSpecFields, TechnicalSpecValues } from './technical-spec';

const COMPLETE: TechnicalSpecValues = {
  material: '6061-T6 铝合金', tolerance: '±0.05 mm', surfaceTreatment: '阳极氧化', dimensions: '120×80×15 mm',
  quantity: 5000, hardness: 'HB 95', unitWeight: '0.35 kg', packaging: '珍珠棉 + 纸箱', certificationStandard: 'RoHS',
  inspectionStandard: 'GB/T 2828.1 AQL 1.0', colour: '银白', craftNotes: 'CNC 后去毛刺',
};

function refusal(values: TechnicalSpecValues): DomainError {
  try {
    assertSpecComplete(values);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected SPEC_INCOMPLETE');
}

describe('technical specification completeness', () => {
  it('accepts a specification with all 12 fields', () => {
    expect(missingSpecFields(COMPLETE)).toEqual([]);
    expect(() => assertSpecComplete(COMPLETE)).not.toThrow();
  });

  it('names every missing field in Chinese and English, in form order', () => {
    const error = refusal({ ...COMPLETE, tolerance: null, material: undefined });
    expect(error.code).toBe('SPEC_INCOMPLETE');
    expect(error.messageZh).toContain('缺少：材质、公差');
    expect(error.messageEn).toContain('Missing: material, tolerance');
    expect(error.details.map((d) => d.field)).toEqual(['material', 'tolerance']);
  });

  it('treats blank text as missing but a given quantity as present', () => {
    const error = refusal({ ...COMPLETE, colour: '   ', craftNotes: '' });
    expect(error.messageZh).toContain('颜色、工艺备注');
    expect(error.messageEn).toContain('colour, craft notes');
    expect(missingSpecFields({ ...COMPLETE, quantity: 1 })).toEqual([]);
  });

  it('lists all 12 fields for an empty specification', () => {
    const error = refusal({});
    expect(error.details).toHaveLength(12);
    expect(error.messageZh).toContain('材质、公差、表面处理、尺寸、数量、硬度、单重、包装、认证标准、检验标准、颜色、工艺备注');
  });

  it('flags a non-positive quantity and over-long text as invalid values', () => {
    const problems = invalidSpecValues({ ...COMPLETE, quantity: 0, colour: 'x'.repeat(33) });
    expect(problems.map((p) => p.field)).toEqual(['quantity', 'colour']);
    expect(invalidSpecValues(COMPLETE)).toEqual([]);
  });
  it('asks for the unit of tolerance (±mm), hardness (HRC/HB…) and unit weight (g/kg)', () => {
    const problems = invalidSpecValues({ ...COMPLETE, tolerance: '0.05', hardness: '58', unitWeight: '0.35' });
    expect(problems.map((p) => p.field)).toEqual(['tolerance', 'hardness', 'unitWeight']);
    expect(problems[0].messageZh).toContain('±mm');
    expect(problems[2].messageEn).toContain('g or kg');
    for (const ok of [{ tolerance: '±0.02 mm' }, { tolerance: 'IT7' }, { tolerance: 'ISO 2768-m' }, { hardness: 'HRC 58-62' }, { hardness: 'Shore D 80' }, { hardness: 'HV 200' }, { unitWeight: '58 g' }, { unitWeight: '1.250 kg' }]) {
      expect(invalidSpecValues({ ...COMPLETE, ...ok })).toEqual([]);
    }
  });
});
