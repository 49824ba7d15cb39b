import type { ERP_FEED_ZH } from './erp-feed.zh';

export const ERP_FEED_EN: Record<keyof typeof ERP_FEED_ZH, string> = {
  'erpFeed.menu': 'ERP feed',
  'erpFeed.title': 'ERP feed',
  'erpFeed.hint': 'The demo ERP stand-in subscribes to orders.contract-signed.v1 the way an ERP connector would (its own consumer group); every envelope it received is listed here, newest first.',
  'erpFeed.receivedAt': 'Received',
  'erpFeed.id': 'Event id',
  'erpFeed.type': 'Type',
  'erpFeed.time': 'Event time',
  'erpFeed.subject': 'Subject (contract id)',
  'erpFeed.contract': 'Contract number',
  'erpFeed.agreementVersion': 'Agreement version',
  'erpFeed.customer': 'Customer',
  'erpFeed.amount': 'Amount',
  'erpFeed.valid': 'Contract check',
  'erpFeed.validOk': 'valid',
  'erpFeed.validBad': 'invalid',
  'erpFeed.empty': 'ERP has not received any signed contract yet.',
  'erpFeed.refresh': 'Refresh',
};
