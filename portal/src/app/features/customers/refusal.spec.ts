import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { refusalOf } from './refusal';

describe('refusalOf', () => {
  const error = new CombinedGraphQLErrors({
    data: null,
    errors: [
      {
        message: 'Cannot move',
        extensions: {
          code: 'STAGE_CONDITIONS_UNMET',
          messageZh: '不能从报价推进到合同，缺少：合同盖章扫描件、签字页特写',
          messageEn: 'Cannot move from Quotation to Contract. Missing: contract scan with company seal, close-up of the signature page',
          details: [
            { kind: 'evidence', code: 'CONTRACT_SEAL_SCAN', messageZh: '缺少附件：合同盖章扫描件', messageEn: 'evidence missing: contract scan with company seal' },
            { kind: 'evidence', code: 'SIGNATURE_PAGE_CLOSEUP', messageZh: '缺少附件：签字页特写', messageEn: 'evidence missing: close-up of the signature page' },
          ],
        },
      },
    ],
  });

  it('keeps the server message and its detail lines in the current language', () => {
    expect(refusalOf(error, 'zh', 'x')).toEqual({
      message: '不能从报价推进到合同，缺少：合同盖章扫描件、签字页特写',
      details: ['缺少附件：合同盖章扫描件', '缺少附件：签字页特写'],
    });
    expect(refusalOf(error, 'en', 'x').details).toEqual([
      'evidence missing: contract scan with company seal',
      'evidence missing: close-up of the signature page',
    ]);
  });

  it('falls back to the default text with no details on a network failure', () => {
    expect(refusalOf(new TypeError('Failed to fetch'), 'zh', '推进阶段失败')).toEqual({ message: '推进阶段失败', details: [] });
  });
});
