import { gql } from 'apollo-angular';

export interface CatalogueItem { id: string; code: string; name: string; description: string | null; unit: string; pointsCost: number; stock: number }
export interface PointsLine { id: string; delta: number; reason: string; note: string | null; createdAt: string }

export const POINTS_PAGE = gql<{ pointsAccount: { balance: number }; redemptionItems: CatalogueItem[]; pointsEntries: { nodes: PointsLine[] } }, { dealerId: string }>`
  query PointsPage($dealerId: ID!) {
    pointsAccount(dealerId: $dealerId) { id balance }
    redemptionItems { id code name description unit pointsCost stock }
    pointsEntries(dealerId: $dealerId, first: 50) { nodes { id delta reason note createdAt } }
  }
`;

export const REDEEM = gql<{ redeemPoints: { replayed: boolean; redemption: { id: string; points: number; balanceAfter: number } } }, { itemId: string; quantity: number; key: string }>`
  mutation Redeem($itemId: ID!, $quantity: Int!, $key: String!) {
    redeemPoints(itemId: $itemId, quantity: $quantity, idempotencyKey: $key) { replayed redemption { id points balanceAfter } }
  }
`;
