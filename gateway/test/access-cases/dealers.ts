/** Access cases for the dealers subgraph's root fields. */
import { FieldCase, EVERYONE_SIGNED_IN, DEALER_SCOPED, HQ_ONLY, ONLY, DEALER_LIST_SCOPED, TARGET_YEAR } from './kit';

export const DEALERS_CASES: Record<string, FieldCase> = {
  /** Dealers: HQ all 37, dealer staff the list of their own dealer only (no foreign dealer in the answer). */
  dealers: { scopes: ['list'], expect: EVERYONE_SIGNED_IN },
  dealer: { scopes: ['ownDealer', 'otherDealer'], expect: DEALER_SCOPED },
  /** Catalogue: every signed-in user. */
  skus: { scopes: ['list'], expect: EVERYONE_SIGNED_IN },
  /** Targets: dealer staff their own dealer only, HQ any (2026 is seeded for every dealer). */
  dealerTarget: { scopes: ['ownDealer', 'otherDealer'], expect: DEALER_SCOPED, args: { year: TARGET_YEAR } },
  targetSplitSuggestion: { scopes: ['ownDealer', 'otherDealer'], expect: DEALER_SCOPED, args: { year: TARGET_YEAR } },
  /** Sell-through: the unfiltered list holds the dealer's own receipts only (leak check); another dealer's filter is refused. */
  sellThroughReceipts: { scopes: ['list', 'ownDealer', 'otherDealer'], expect: DEALER_LIST_SCOPED },
  /** 窜货 flags across all dealers: HQ only. */
  crossRegionFlags: { scopes: ['list'], expect: HQ_ONLY },
  /** Annual targets are set by director/admin; dealer staff refused even for their own dealer. */
  setAnnualTarget: { scopes: ['ownDealer', 'otherDealer'], expect: ONLY('director', 'admin') },
  /**
   * Target split: director/admin (not run) and the dealer's own staff. The probe (year 1, no quarters, no months)
   * is refused as invalid for the own dealer without writing; another dealer's split is FORBIDDEN.
   */
  splitTarget: {
    scopes: ['ownDealer', 'otherDealer'],
    expect: { ...ONLY('director', 'admin'), dealer: { ownDealer: 'VALIDATION_FAILED', otherDealer: 'FORBIDDEN' } },
    args: { year: 1, quarters: [], months: [] },
  },
  /** Sell-through: dealer staff only (their own dealer); the probe receipt (quantity 0, no province, no image) is refused as invalid. */
  recordSellThrough: {
    scopes: ['probe'],
    expect: { hq: 'FORBIDDEN', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'VALIDATION_FAILED' },
    args: {
      input: {
        skuCode: 'matrix-probe', quantity: 0, unitPrice: -1, endCustomerName: '', deliveryProvinceCode: '000000',
        receiptNumber: '', imageBase64: '', imageMimeType: 'text/plain',
      },
    },
  },
  /** Product catalogue edits: director/admin only. */
  saveSku: { scopes: ['probe'], expect: ONLY('director', 'admin') },
  /** Weekly stock: the dealer's own staff upload (the empty probe file is refused as invalid, nothing written); HQ reads any dealer's. */
  uploadStockSheet: {
    scopes: ['probe'],
    expect: { hq: 'FORBIDDEN', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'VALIDATION_FAILED' },
    args: { input: { fileBase64: '', fileName: 'matrix-probe.csv', dryRun: true } },
  },
  stockUploads: { scopes: ['ownDealer', 'otherDealer'], expect: DEALER_SCOPED },
  stockLines: { scopes: ['ownDealer', 'otherDealer'], expect: DEALER_SCOPED },
  stockHealth: { scopes: ['ownDealer', 'otherDealer'], expect: DEALER_SCOPED },
  dealerAttainment: { scopes: ['ownDealer', 'otherDealer'], expect: DEALER_SCOPED, args: { year: TARGET_YEAR } },
  /** The network views: HQ only (they name every dealer). */
  networkStockTurnover: { scopes: ['list'], expect: HQ_ONLY },
  crossRegionFlagsByProvince: { scopes: ['list'], expect: HQ_ONLY },
  networkAttainment: { scopes: ['list'], expect: HQ_ONLY, args: { year: TARGET_YEAR } },
  /** Slow-mover thresholds: everyone reads, director/admin set. */
  stockThresholds: { scopes: ['list'], expect: EVERYONE_SIGNED_IN },
  setStockThreshold: { scopes: ['probe'], expect: ONLY('director', 'admin') },
  /** Transfers: dealer staff propose/answer their own (probes refused: quantity 0 invalid, no such transfer); the list holds only their own. */
  proposeStockTransfer: {
    scopes: ['probe'],
    expect: { hq: 'FORBIDDEN', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'VALIDATION_FAILED' },
    args: { input: { toDealerCode: 'D06', skuCode: 'WJ-001', quantity: 0 } },
  },
  respondToStockTransfer: {
    scopes: ['probe'],
    expect: { hq: 'FORBIDDEN', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'NOT_FOUND' },
    args: { accept: false },
  },
  stockTransfers: { scopes: ['list', 'ownDealer', 'otherDealer'], expect: DEALER_LIST_SCOPED },
  /** 窜货 disputes: the dealer disputes its own flags (the empty probe is invalid), director/admin decide, the list is scoped. */
  disputeCrossRegionFlag: {
    scopes: ['probe'],
    expect: { hq: 'FORBIDDEN', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'VALIDATION_FAILED' },
    args: { input: { receiptId: '00000000-0000-4000-8000-000000000000', comment: '' } },
  },
  decideFlagDispute: { scopes: ['probe'], expect: ONLY('director', 'admin') },
  flagDisputes: { scopes: ['list'], expect: EVERYONE_SIGNED_IN },
  /** Dealer master data: director/admin create and edit any dealer (not run); a dealer's staff edit their own (the empty probe is refused as invalid), never another's. */
  createDealer: { scopes: ['probe'], expect: ONLY('director', 'admin') },
  updateDealer: {
    scopes: ['ownDealer', 'otherDealer'],
    expect: { ...ONLY('director', 'admin'), dealer: { ownDealer: 'VALIDATION_FAILED', otherDealer: 'FORBIDDEN' } },
  },
  /** The GB/T 2260 territory code table: every signed-in user. */
  territoryProvinces: { scopes: ['list'], expect: EVERYONE_SIGNED_IN },
  /** Catalogue product lines (for per-line targets): every signed-in user. */
  productLines: { scopes: ['list'], expect: EVERYONE_SIGNED_IN },
  /** Promotion plans: the unfiltered list holds the dealer's own plans only (leak check); another dealer's filter is refused. */
  promotionPlans: { scopes: ['list', 'ownDealer', 'otherDealer'], expect: DEALER_LIST_SCOPED },
  /** The dealer's own staff write their own plans (the probe, ending before it starts, is refused as invalid); HQ only reads. */
  createPromotionPlan: {
    scopes: ['probe'],
    expect: { hq: 'FORBIDDEN', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'VALIDATION_FAILED' },
    args: { input: { year: TARGET_YEAR, name: 'matrix-probe', startDate: '2026-06-10', endDate: '2026-06-09', budget: 0, expectedUpliftPct: 0 } },
  },
  /** A valid plan for a plan id that does not exist (nor belongs to dealer05): NOT_FOUND, nothing written. */
  updatePromotionPlan: {
    scopes: ['probe'],
    expect: { hq: 'FORBIDDEN', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'NOT_FOUND' },
    args: { input: { year: TARGET_YEAR, name: 'matrix-probe', startDate: '2026-06-01', endDate: '2026-06-09', budget: 0, expectedUpliftPct: 0 } },
  },
  deletePromotionPlan: {
    scopes: ['probe'],
    expect: { hq: 'FORBIDDEN', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'NOT_FOUND' },
  },
};
