import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DEMO_NOW, type DemoWorld } from '@lianxiao/demo-data';
import { stableId } from '@lianxiao/platform';
import { Invoice } from '../invoice/invoice.entity';
import { Payment } from '../payment/payment.entity';
import { CustomerFinanceContact } from './customer-finance-contact.entity';
import { requestHash } from './request-hash';
import { toYuan } from './money';

const DAY = 86_400_000;
const SEED_USER = 'demo-seed';

function unit(key: string): number {
  return parseInt(createHash('sha1').update(key).digest('hex').slice(0, 8), 16) / 0xffffffff;
}

function pick<T>(key: string, values: readonly T[]): T {
  return values[Math.min(values.length - 1, Math.floor(unit(key) * values.length))];
}

function day(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Round a share of a contract amount to whole yuan, in fen. */
function share(amount: number, ratio: number): number {
  return Math.round(amount * ratio) * 100;
}

export interface DemoFinanceRows {
  contacts: Partial<CustomerFinanceContact>[];
  invoices: Partial<Invoice>[];
  payments: Partial<Payment>[];
}

/**
 * Deterministic invoices and payments for the demo contracts, up to the demo's "today": a first
 * invoice a few days after signing, the down payment around the agreed first-payment date (some on
 * time, some more than 7 days late, some still open), a second invoice ~40 days after signing.
 * Customers' finance contacts: their 财务经理 contact, else the primary one (the demo has e-mails).
 */
export function demoFinanceRows(world: DemoWorld): DemoFinanceRows {
  const today = day(DEMO_NOW);
  const customers = new Map(world.customers.map((c) => [c.id, c]));
  const contacts = world.customers.map((c) => {
    const contact = c.contacts.find((k) => k.title === '财务经理') ?? c.contacts.find((k) => k.isPrimary) ?? c.contacts[0];
    return { customerId: c.id, customerName: c.name, region: c.region, contactName: contact.name, email: contact.email };
  });
  const invoices: Partial<Invoice>[] = [];
  const payments: Partial<Payment>[] = [];
  for (const contract of world.contracts) {
    const customer = customers.get(contract.customerId);
    if (!customer) continue;
    const base = { contractId: contract.id, contractNumber: contract.number, customerId: contract.customerId, region: customer.region, ownerId: contract.ownerId, createdBy: SEED_USER };
    const signed = Date.parse(contract.signedAt);
    const suffix = contract.number.slice(-4);
    const downRatio = contract.paymentTerms.startsWith('50%') ? 0.5 : contract.paymentTerms.startsWith('30%') ? 0.3 : 0;
    const firstInvoiceRatio = downRatio || 0.4;
    const addInvoice = (n: number, issuedOn: string, fen: number) => {
      if (issuedOn > today || fen <= 0) return;
      const number = `FP${suffix}${n}${issuedOn.replace(/-/g, '').slice(2)}`;
      const idempotencyKey = `demo-invoice-${contract.id}-${n}`;
      invoices.push({
        ...base, id: stableId('demo-invoice', `${contract.id}-${n}`), number, amount: toYuan(fen), issuedOn, note: n === 1 ? '首期发票' : '第二期发票',
        idempotencyKey, requestHash: requestHash({ contractId: contract.id, number, amount: fen, issuedOn, note: n === 1 ? '首期发票' : '第二期发票' }),
        createdAt: new Date(`${issuedOn}T02:00:00Z`),
      });
    };
    const addPayment = (n: number, receivedOn: string, fen: number) => {
      if (receivedOn > today || fen <= 0) return;
      const reference = `YH${suffix}${n}${receivedOn.replace(/-/g, '').slice(2)}`;
      payments.push({
        ...base, id: stableId('demo-payment', `${contract.id}-${n}`), amount: toYuan(fen), receivedOn, reference,
        idempotencyKey: `demo-payment-${contract.id}-${n}`, requestHash: requestHash({ contractId: contract.id, amount: fen, receivedOn, reference }),
        createdAt: new Date(`${receivedOn}T03:00:00Z`),
      });
    };
    const inv1On = day(signed + pick(`${contract.id}:inv1`, [2, 3, 5, 8]) * DAY);
    const inv1 = share(contract.amount, firstInvoiceRatio);
    addInvoice(1, inv1On, inv1);
    // Down payment around the agreed date: early, on time, or late (> 7 days: misses the scorecard).
    if (contract.firstPaymentDueDate) {
      const offset = pick(`${contract.id}:pay1`, [-6, -2, 0, 3, 6, 12, 18, 26]);
      addPayment(1, day(Date.parse(`${contract.firstPaymentDueDate}T00:00:00Z`) + offset * DAY), downRatio ? share(contract.amount, downRatio) : Math.round(inv1 * 0.8 / 100) * 100);
    }
    addInvoice(2, day(signed + pick(`${contract.id}:inv2`, [36, 40, 44]) * DAY), share(contract.amount, 0.9) - inv1);
  }
  return { contacts, invoices, payments };
}

/** Inserts the demo finance rows (called from the orders DemoSeedService inside its transaction). */
export async function seedDemoFinance(tx: EntityManager, world: DemoWorld): Promise<{ invoices: number; payments: number }> {
  const rows = demoFinanceRows(world);
  for (let i = 0; i < rows.contacts.length; i += 100) await tx.getRepository(CustomerFinanceContact).insert(rows.contacts.slice(i, i + 100) as CustomerFinanceContact[]);
  for (let i = 0; i < rows.invoices.length; i += 100) await tx.getRepository(Invoice).insert(rows.invoices.slice(i, i + 100) as Invoice[]);
  for (let i = 0; i < rows.payments.length; i += 100) await tx.getRepository(Payment).insert(rows.payments.slice(i, i + 100) as Payment[]);
  return { invoices: rows.invoices.length, payments: rows.payments.length };
}
