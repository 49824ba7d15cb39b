import { agreementPdfDocument, CRAFT_NOTES_WITHHELD } from './agreement-pdf';
import { AgreementStatus } from './technical-agreement.entity';

const facts = (showCraftNotes: boolean) =>
  agreementPdfDocument({
    ticketNumber: 'RT-2026-0042', customerName: '苏州精工机械有限公司', creditCode: '91320500MA1X8K2L3P', region: '华东', urgency: 'HIGH',
    requestedDeliveryDate: '2027-03-01', version: 2, status: AgreementStatus.APPROVED, spec: { material: 'SUS304', craftNotes: '螺纹滚压后钝化' },
    approvedAt: new Date('2026-11-20T02:00:00Z'), legalReviewedAt: new Date('2026-11-21T02:00:00Z'), legalComment: null, showCraftNotes,
  });

describe('technical agreement PDF document', () => {
  it('prints craft notes for production only, a placeholder for others', () => {
    expect(JSON.stringify(facts(true))).toContain('螺纹滚压后钝化');
    const hidden = JSON.stringify(facts(false));
    expect(hidden).not.toContain('螺纹滚压后钝化');
    expect(hidden).toContain(CRAFT_NOTES_WITHHELD);
  });

  it('has the Chinese title, the version and every spec field label', () => {
    const text = JSON.stringify(facts(true));
    for (const s of ['技术协议', '第 2 版', '材质', '公差', '工艺备注', '苏州精工机械有限公司']) expect(text).toContain(s);
  });
});
