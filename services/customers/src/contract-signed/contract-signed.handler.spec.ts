import type { EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { EventExamples, makeEvent, Topics } from '@lianxiao/contracts';
import { recordContractSignal } from './contract-signed.handler';
import { ContractSignalOutcome } from './contract-signal.entity';

function table() {
  const rows = new Map<string, Record<string, unknown>>();
  const repo = {
    insert: async (row: Record<string, unknown>) => {
      if (rows.has(row.contractId as string)) throw new QueryFailedError('INSERT', [], Object.assign(new Error('dup'), { code: 'ER_DUP_ENTRY', errno: 1062 }));
      rows.set(row.contractId as string, row);
    },
  };
  return { rows, manager: { getRepository: () => repo } as unknown as EntityManager };
}

describe('customers: recording a signed contract', () => {
  const data = EventExamples[Topics.contractSigned];

  it('records one pending signal per contract with the customer and signing time', async () => {
    const { rows, manager } = table();
    expect(await recordContractSignal(manager, makeEvent({ type: Topics.contractSigned, source: '/lianxiao/orders', subject: data.contractId, data }))).toBe(true);
    expect(rows.get(data.contractId)).toMatchObject({ customerId: data.customer.id, contractNumber: data.contractNumber, outcome: ContractSignalOutcome.PENDING, signedAt: new Date(data.signedAt) });
  });

  it('ignores a second event about the same contract (a re-emission with a new event id)', async () => {
    const { rows, manager } = table();
    await recordContractSignal(manager, makeEvent({ type: Topics.contractSigned, source: '/lianxiao/orders', subject: data.contractId, data }));
    expect(await recordContractSignal(manager, makeEvent({ type: Topics.contractSigned, source: '/lianxiao/orders', subject: data.contractId, data }))).toBe(false);
    expect(rows.size).toBe(1);
  });
});
