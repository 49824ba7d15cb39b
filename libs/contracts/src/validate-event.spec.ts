import { EventCatalogue, EventExamples, EventType, formatValidationErrors, makeEvent, validateEvent } from './index';

const contractSigned = () =>
  makeEvent({
    type: 'orders.contract-signed.v1',
    source: '/lianxiao/orders',
    subject: EventExamples['orders.contract-signed.v1'].contractId,
    data: structuredClone(EventExamples['orders.contract-signed.v1']),
  });

describe('event contracts', () => {
  it.each(Object.keys(EventCatalogue) as EventType[])('accepts the example of %s', (type) => {
    const data = EventExamples[type];
    const subject = (data as unknown as Record<string, string>)[EventCatalogue[type].keyField];
    const event = makeEvent({ type, source: '/lianxiao/test', subject, data } as Parameters<typeof makeEvent>[0]);
    expect(validateEvent(event)).toEqual([]);
  });

  it('builds a CloudEvents 1.0 envelope with a UUID id', () => {
    const event = contractSigned();
    expect(event).toMatchObject({ specversion: '1.0', datacontenttype: 'application/json', type: 'orders.contract-signed.v1' });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(contractSigned().id).not.toBe(event.id);
  });

  it('refuses a contract-signed event without craft notes and with a bad credit code, saying where', () => {
    const event = contractSigned();
    const spec = event.data.specification as Partial<typeof event.data.specification>;
    delete spec.craftNotes;
    event.data.customer.creditCode = 'not-a-code';
    const reasons = formatValidationErrors(validateEvent(event));
    expect(reasons).toContain("/data/specification must have required property 'craftNotes'");
    expect(reasons).toContain('/data/customer/creditCode must match pattern');
  });

  it('refuses lines without items, a wrong priority and a non-date delivery date', () => {
    const event = contractSigned();
    event.data.lines[0].requestedDeliveryDate = 'next week';
    (event.data.priority as { urgency: string }).urgency = 'ASAP';
    expect(validateEvent(event)).toEqual(
      expect.arrayContaining([
        { path: '/data/lines/0/requestedDeliveryDate', message: 'must match format "date"' },
        { path: '/data/priority/urgency', message: 'must be equal to one of the allowed values: LOW, NORMAL, HIGH, URGENT' },
      ]),
    );
  });

  it('checks the envelope, the type and that the subject is the aggregate id', () => {
    expect(validateEvent('nope')).toEqual(expect.arrayContaining([{ path: '/', message: 'must be object' }]));
    const event = { ...contractSigned(), specversion: '0.3', subject: 'someone-else' };
    const reasons = formatValidationErrors(validateEvent(event));
    expect(reasons).toContain('/specversion must be equal to constant: 1.0');
    expect(reasons).toContain('/subject must equal data.contractId');
    expect(formatValidationErrors(validateEvent({ ...contractSigned(), type: 'orders.contract-signed.v9' }))).toBe(
      '/type unknown event type "orders.contract-signed.v9"',
    );
  });
});
