import type { FEATURE_ZH } from './index.zh';
import { DASHBOARD_EN } from './dashboard.en';
import { ALERTS_EN } from './alerts.en';
import { STAGE_MODEL_EN } from './stage-model.en';
import { SCORECARD_EN } from './scorecard.en';
import { DEDUPE_EN } from './dedupe.en';
import { IMPORT_EN } from './import.en';
import { FINANCE_EN } from './finance.en';
import { ADMIN_EN } from './admin.en';
import { DEALER_HOME_EN } from './dealer-home.en';
import { STOCK_EN } from './stock.en';
import { RECEIPTS_EN } from './receipts.en';
import { POINTS_EN } from './points.en';
import { NETWORK_EN } from './network.en';
import { TICKETS_EN } from './tickets.en';
import { TASKS_EN } from './tasks.en';
import { AGREEMENTS_EN } from './agreements.en';
import { CONTRACTS_EN } from './contracts.en';
import { PRODUCTION_EN } from './production.en';
import { ERP_FEED_EN } from './erp-feed.en';
import { TARGETS_EN } from './targets.en';
import { DEALERS_EN } from './dealers.en';

/** Every feature's English keys, typed against the Chinese set so a missing key fails the build. */
export const FEATURE_EN: Record<keyof typeof FEATURE_ZH, string> = {
  ...DASHBOARD_EN,
  ...ALERTS_EN,
  ...STAGE_MODEL_EN,
  ...SCORECARD_EN,
  ...DEDUPE_EN,
  ...IMPORT_EN,
  ...FINANCE_EN,
  ...ADMIN_EN,
  ...DEALER_HOME_EN,
  ...STOCK_EN,
  ...RECEIPTS_EN,
  ...POINTS_EN,
  ...NETWORK_EN,
  ...TICKETS_EN,
  ...TASKS_EN,
  ...AGREEMENTS_EN,
  ...CONTRACTS_EN,
  ...PRODUCTION_EN,
  ...ERP_FEED_EN,
  ...TARGETS_EN,
  ...DEALERS_EN,
};
