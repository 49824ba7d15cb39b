import type { CONTRACTS_ZH } from './contracts.zh';

export const CONTRACTS_EN: Record<keyof typeof CONTRACTS_ZH, string> = {
  'contracts.title': 'Contract signing',
  'contracts.agreement': 'Approved technical agreement',
  'contracts.noApproved': 'This ticket has no legally approved agreement version yet',
  'contracts.amount': 'Amount (CNY)',
  'contracts.grossMargin': 'Gross margin (%)',
  'contracts.paymentTerms': 'Payment terms',
  'contracts.firstPaymentDue': 'First payment due',
  'contracts.sku': 'SKU',
  'contracts.partName': 'Part',
  'contracts.quantity': 'Quantity',
  'contracts.create': 'Create the draft contract',
  'contracts.number': 'Contract',
  'contracts.status': 'Status',
  'contracts.scan': 'Signed scan (seal + signature page)',
  'contracts.sign': 'Sign the contract',
  'contracts.signed': 'Contract signed',
  'contracts.signedAt': 'Signed at',
  'contracts.refused': 'Refused',
  'contracts.status.DRAFT': 'Draft',
  'contracts.status.SIGNED': 'Signed',
};
