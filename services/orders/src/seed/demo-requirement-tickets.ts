import { DEMO_NOW, DemoCustomer, SeededRandom } from '@lianxiao/demo-data';
import { stableId } from '@lianxiao/platform';
import { RequirementTicket, RequirementTicketStatus, RequirementUrgency } from '../requirement-ticket/requirement-ticket.entity';

const DAY = 86_400_000;
const TICKET_STAGES = new Set(['QUOTATION', 'TRIAL', 'CONTRACT']);
export const DEMO_TICKET_COUNT = 40;

const MATERIALS = ['6061-T6 铝合金', 'SUS304 不锈钢', 'Q235B 碳钢', 'PA66+GF30', 'H62 黄铜', 'SKD11 模具钢'];
const TOLERANCES = ['±0.02 mm', '±0.05 mm', '±0.1 mm', 'IT7'];
const SURFACES = ['阳极氧化', '热镀锌', '钝化', '喷粉', '电泳', '无'];
const HARDNESS = ['HRC 58-62', 'HB 95', 'HV 200', 'Shore D 80'];
const PACKAGING = ['珍珠棉 + 纸箱', '木托盘 + 缠绕膜', '吸塑盒 50 件/盒', '防锈袋 + 木箱'];
const CERTIFICATIONS = ['RoHS', 'REACH', 'IATF 16949', 'CE', 'UL'];
const INSPECTIONS = ['GB/T 2828.1 AQL 1.0', 'GB/T 2828.1 AQL 0.65', '全检', '客户图纸 + 首件检验'];
const COLOURS = ['银白', '黑色', '本色', '钛灰', 'RAL 9016'];
const CRAFT_NOTES = ['CNC 精加工后去毛刺，关键尺寸 100% 检测', '冲压后整形，焊接面需打磨', '注塑后退火 2 小时消除应力', '热处理后磨削，防止变形'];

/** ~40 tickets for customers in quotation, trial or contract; a few are drafts with gaps. */
export function demoRequirementTickets(customers: DemoCustomer[]): Partial<RequirementTicket>[] {
  const r = new SeededRandom(3_2026);
  const eligible = customers.filter((c) => TICKET_STAGES.has(c.stage));
  const tickets: Partial<RequirementTicket>[] = [];
  for (let i = 0; i < DEMO_TICKET_COUNT && eligible.length; i++) {
    const customer = eligible[(i * 5 + 2) % eligible.length];
    const draft = i % 8 === 7;
    const created = DEMO_NOW - r.int(2, 90) * DAY;
    tickets.push({
      id: stableId('requirement-ticket', i),
      number: `RT-2026-${String(i + 1).padStart(4, '0')}`,
      customerId: customer.id,
      ownerId: customer.ownerId,
      region: customer.region,
      urgency: r.pick([RequirementUrgency.LOW, RequirementUrgency.NORMAL, RequirementUrgency.NORMAL, RequirementUrgency.HIGH, RequirementUrgency.URGENT]),
      requestedDeliveryDate: new Date(created + r.int(30, 120) * DAY).toISOString().slice(0, 10),
      status: draft ? RequirementTicketStatus.DRAFT : RequirementTicketStatus.SUBMITTED,
      material: r.pick(MATERIALS),
      tolerance: r.pick(TOLERANCES),
      surfaceTreatment: r.pick(SURFACES),
      dimensions: `${r.int(20, 400)}×${r.int(10, 300)}×${r.int(2, 60)} mm`,
      quantity: r.int(5, 200) * 100,
      hardness: draft ? null : r.pick(HARDNESS),
      unitWeight: `${(r.int(5, 5000) / 1000).toFixed(3)} kg`,
      packaging: r.pick(PACKAGING),
      certificationStandard: r.pick(CERTIFICATIONS),
      inspectionStandard: draft ? null : r.pick(INSPECTIONS),
      colour: r.pick(COLOURS),
      craftNotes: draft ? null : r.pick(CRAFT_NOTES),
      createdAt: new Date(created),
      updatedAt: new Date(created),
    });
  }
  return tickets;
}
