import type { RECEIPTS_ZH } from './receipts.zh';

export const RECEIPTS_EN: Record<keyof typeof RECEIPTS_ZH, string> = {
  'receipts.menu': 'Sell-through',
  'receipts.title': 'Sell-through receipts',
  'receipts.new': 'Record an end-customer sale',
  'receipts.sku': 'Product',
  'receipts.quantity': 'Quantity',
  'receipts.unitPrice': 'Unit price (CNY)',
  'receipts.customer': 'End customer',
  'receipts.province': 'Delivery province',
  'receipts.number': 'Receipt number',
  'receipts.photo': 'Signed receipt photo',
  'receipts.submit': 'Submit',
  'receipts.saved': 'Receipt {number} recorded',
  'receipts.savedFlagged': 'Recorded, but flagged as cross-region: {reason}',
  'receipts.recent': 'Recent receipts',
  'receipts.dispute': 'Dispute',
  'receipts.disputeComment': 'Explanation',
  'receipts.disputeEvidence': 'Evidence (waybill number …)',
  'receipts.disputeSubmit': 'Submit dispute',
  'receipts.disputed': 'Dispute submitted; HQ will decide',
};
