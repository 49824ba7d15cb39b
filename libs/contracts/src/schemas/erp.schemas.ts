import { creditCode, currency, dateTime, JsonSchema, money, objectOf, optionalText, text, uuid } from './json-schema';

/** Inbound from ERP: the customer master as ERP knows it. */
export interface ErpCustomerMasterUpdatedV1 {
  customerId: string;
  erpCustomerCode: string;
  creditCode: string;
  latestContact: { name: string; phone: string; title?: string };
  validContractAmount: number;
  currency: string;
  updatedAt: string;
}

export const erpCustomerMasterUpdatedV1Schema: JsonSchema = objectOf(
  'ERP updated its customer master (latest contact, valid contract amount) / ERP 客户主数据更新',
  {
    customerId: uuid,
    erpCustomerCode: text(32),
    creditCode,
    latestContact: objectOf('Latest contact known to ERP', { name: text(64), phone: text(32) }, { title: optionalText(64) }),
    validContractAmount: money,
    currency,
    updatedAt: dateTime,
  },
);
