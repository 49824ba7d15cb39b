import { DASHBOARD_ZH } from './dashboard.zh';
import { ALERTS_ZH } from './alerts.zh';
import { STAGE_MODEL_ZH } from './stage-model.zh';
import { SCORECARD_ZH } from './scorecard.zh';
import { DEDUPE_ZH } from './dedupe.zh';
import { IMPORT_ZH } from './import.zh';
import { FINANCE_ZH } from './finance.zh';
import { ADMIN_ZH } from './admin.zh';
import { DEALER_HOME_ZH } from './dealer-home.zh';
import { STOCK_ZH } from './stock.zh';
import { RECEIPTS_ZH } from './receipts.zh';
import { POINTS_ZH } from './points.zh';
import { NETWORK_ZH } from './network.zh';
import { TICKETS_ZH } from './tickets.zh';
import { TASKS_ZH } from './tasks.zh';
import { AGREEMENTS_ZH } from './agreements.zh';
import { CONTRACTS_ZH } from './contracts.zh';
import { PRODUCTION_ZH } from './production.zh';
import { ERP_FEED_ZH } from './erp-feed.zh';
import { TARGETS_ZH } from './targets.zh';
import { DEALERS_ZH } from './dealers.zh';

/** Every feature's Chinese keys; add one spread per feature file. */
export const FEATURE_ZH = {
  ...DASHBOARD_ZH,
  ...ALERTS_ZH,
  ...STAGE_MODEL_ZH,
  ...SCORECARD_ZH,
  ...DEDUPE_ZH,
  ...IMPORT_ZH,
  ...FINANCE_ZH,
  ...ADMIN_ZH,
  ...DEALER_HOME_ZH,
  ...STOCK_ZH,
  ...RECEIPTS_ZH,
  ...POINTS_ZH,
  ...NETWORK_ZH,
  ...TICKETS_ZH,
  ...TASKS_ZH,
  ...AGREEMENTS_ZH,
  ...CONTRACTS_ZH,
  ...PRODUCTION_ZH,
  ...ERP_FEED_ZH,
  ...TARGETS_ZH,
  ...DEALERS_ZH,
} as const;
