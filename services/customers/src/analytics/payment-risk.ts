/**
 * Payment-risk signal: in a customer's recent notes "付款" (payment) is mentioned more than in the
 * earlier notes while "验收" (acceptance) was mentioned earlier and no longer is — the customer
 * talks money without having accepted the goods. Recent = the last `recentDays` before `asOf`,
 * earlier = the `earlierDays` before that.
 */
export const PAYMENT_WORD = '付款';
export const ACCEPTANCE_WORD = '验收';
const DAY = 86_400_000;

export interface NoteForRisk {
  customerId: string;
  createdAt: Date;
  text: string;
}

export interface PaymentRiskFigures {
  customerId: string;
  recentPaymentMentions: number;
  earlierPaymentMentions: number;
  recentAcceptanceMentions: number;
  earlierAcceptanceMentions: number;
  recentNotes: number;
  earlierNotes: number;
  lastNoteAt: Date;
}

export interface RiskWindow {
  asOf: Date;
  recentDays: number;
  earlierDays: number;
}

export const DEFAULT_RISK_WINDOW = { recentDays: 30, earlierDays: 60 } as const;

function mentions(text: string, word: string): number {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

/** Figures per customer for the notes inside the two windows (notes outside are ignored). */
export function paymentRiskFigures(notes: Iterable<NoteForRisk>, window: RiskWindow): Map<string, PaymentRiskFigures> {
  const recentFrom = window.asOf.getTime() - window.recentDays * DAY;
  const earlierFrom = recentFrom - window.earlierDays * DAY;
  const out = new Map<string, PaymentRiskFigures>();
  for (const note of notes) {
    const at = note.createdAt.getTime();
    if (at < earlierFrom || at > window.asOf.getTime()) continue;
    let f = out.get(note.customerId);
    if (!f) {
      f = { customerId: note.customerId, recentPaymentMentions: 0, earlierPaymentMentions: 0, recentAcceptanceMentions: 0, earlierAcceptanceMentions: 0, recentNotes: 0, earlierNotes: 0, lastNoteAt: note.createdAt };
      out.set(note.customerId, f);
    }
    if (note.createdAt > f.lastNoteAt) f.lastNoteAt = note.createdAt;
    const pay = mentions(note.text, PAYMENT_WORD);
    const accept = mentions(note.text, ACCEPTANCE_WORD);
    if (at >= recentFrom) {
      f.recentNotes++;
      f.recentPaymentMentions += pay;
      f.recentAcceptanceMentions += accept;
    } else {
      f.earlierNotes++;
      f.earlierPaymentMentions += pay;
      f.earlierAcceptanceMentions += accept;
    }
  }
  return out;
}

/** The signal itself: payment mentions rise, acceptance mentions disappear. */
export function isPaymentRisk(f: PaymentRiskFigures): boolean {
  return f.recentPaymentMentions > f.earlierPaymentMentions && f.earlierAcceptanceMentions > 0 && f.recentAcceptanceMentions === 0;
}
