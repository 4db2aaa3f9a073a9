import { runCommand, type AuditEntry, type CommandResult } from '../db/command.js';
import type { Executor } from '../db/schema.js';
import type { Store } from '../db/store.js';
import { insertDraftOrder } from '../purchasing/po-service.js';
import type { PurchaseOrder } from '../purchasing/po-types.js';
import type { CommandContext } from '../shared/context.js';
import { DomainError } from '../shared/errors.js';
import { formatCost } from '../shared/money.js';
import { formatScaled } from '../shared/quantity.js';
import type { PurchaseSuggestionList, SuggestedOrder } from './planning-types.js';
import type { Evaluation } from './reorder-evaluation.js';
import { scanPolicies } from './reorder-service.js';
import { suggestPurchaseOrders, type DraftOrderProposal } from './suggestion-rules.js';

/** Low items one call turns into suggestions; an order holds at most this many lines too. */
const MAX_SUGGESTED_LINES = 1000;

export interface SuggestionQuery {
  site?: string | undefined;
  /** Only the orders of these suppliers (id or code). */
  suppliers?: string[] | undefined;
}

/** What to buy now: every low item × site rounded to its supplier's packs and MOQ, one draft order per supplier × site. */
export async function purchaseSuggestions(db: Executor, query: SuggestionQuery, today = new Date()): Promise<PurchaseSuggestionList> {
  return (await suggest(db, query, today)).list;
}

export interface CreatedOrders {
  orders: PurchaseOrder[];
  /** Suggested lines left out because the supplier has no price at that quantity: add a price break, or order by hand. */
  skipped: Array<{ supplier: string; item: string; quantity: string; reason: 'no-price' }>;
}

/** Creates the suggested orders as drafts, all in one transaction, for the buyer to check and send. */
export async function createSuggestedOrders(store: Store, ctx: CommandContext, query: SuggestionQuery): Promise<CommandResult<CreatedOrders>> {
  return runCommand(store, ctx, { name: 'planning.suggestions.create', input: query }, async (trx) => {
    const { proposals, evaluations, list } = await suggest(trx, query, new Date());
    const orders: PurchaseOrder[] = [];
    const audit: AuditEntry[] = [];
    const skipped: CreatedOrders['skipped'] = [];
    for (const [i, proposal] of proposals.entries()) {
      const supplierCode = (list.orders[i] as SuggestedOrder).supplier.code;
      const decimalsOf = (itemId: string) => evaluations.get(itemId)?.decimals ?? 0;
      const skuOf = (itemId: string) => evaluations.get(itemId)?.status.item.sku ?? itemId;
      const priced = proposal.lines.filter((l) => l.unitPrice !== null);
      for (const line of proposal.lines.filter((l) => l.unitPrice === null)) {
        skipped.push({ supplier: supplierCode, item: skuOf(line.itemId), quantity: formatScaled(line.quantity, decimalsOf(line.itemId)), reason: 'no-price' });
      }
      if (priced.length === 0) continue;
      const created = await insertDraftOrder(trx, ctx, {
        supplier: proposal.supplierId,
        site: proposal.siteId,
        notes: 'Suggested from reorder levels',
        lines: priced.map((l) => ({ item: l.itemId, quantity: formatScaled(l.quantity, decimalsOf(l.itemId)), unitPrice: formatCost(l.unitPrice) as string })),
      });
      orders.push(created.order);
      audit.push({ ...created.audit, reason: 'purchase suggestion' });
    }
    if (orders.length === 0) throw new DomainError('rule-violation', nothingToOrder(list, skipped.length));
    return { result: { orders, skipped }, audit };
  });
}

async function suggest(db: Executor, query: SuggestionQuery, today: Date) {
  const scan = await scanPolicies(db, { site: query.site, low: true, limit: MAX_SUGGESTED_LINES }, today);
  const needing = scan.data.filter((e) => e.needed > 0);
  const evaluations = new Map(needing.map((e) => [e.itemId, e]));
  const bySite = new Map(needing.map((e) => [`${e.itemId}\u0000${e.siteId}`, e]));
  const wanted = query.suppliers === undefined ? undefined : new Set(query.suppliers);
  const { proposals: all, unassigned } = suggestPurchaseOrders(
    needing.map((e) => ({ itemId: e.itemId, siteId: e.siteId, decimals: e.decimals, needed: e.needed, suppliers: e.offers })),
  );
  const proposals = all.filter((p) => {
    if (!wanted) return true;
    const offer = bySite.get(`${p.lines[0]?.itemId}\u0000${p.siteId}`)?.offers.find((o) => o.supplierId === p.supplierId);
    return wanted.has(p.supplierId) || (offer !== undefined && wanted.has(offer.code));
  });
  const list: PurchaseSuggestionList = {
    orders: proposals.map((p) => toSuggestedOrder(p, (itemId) => bySite.get(`${itemId}\u0000${p.siteId}`) as Evaluation)),
    unassigned: unassigned.map((u) => {
      const e = bySite.get(`${u.itemId}\u0000${u.siteId}`) as Evaluation;
      return { item: { id: e.itemId, sku: e.status.item.sku, name: e.status.item.name }, site: e.status.site, needed: formatScaled(u.needed, e.decimals), reason: u.reason };
    }),
    truncated: scan.nextCursor !== null,
  };
  return { proposals, evaluations, list };
}

function toSuggestedOrder(p: DraftOrderProposal, evaluationOf: (itemId: string) => Evaluation): SuggestedOrder {
  const first = evaluationOf(p.lines[0]?.itemId ?? '');
  const offer = first.offers.find((o) => o.supplierId === p.supplierId);
  return {
    supplier: { id: p.supplierId, code: offer?.code ?? p.supplierId, name: offer?.name ?? p.supplierId },
    site: first.status.site,
    currency: p.currency,
    lines: p.lines.map((l) => {
      const e = evaluationOf(l.itemId);
      return {
        item: { id: e.itemId, sku: e.status.item.sku, name: e.status.item.name },
        needed: formatScaled(l.needed, e.decimals), quantity: formatScaled(l.quantity, e.decimals),
        unitPrice: formatCost(l.unitPrice), lineTotal: formatCost(l.lineTotal), leadTimeDays: l.leadTimeDays, choice: l.choice,
      };
    }),
    total: formatCost(p.total) as string,
    unpricedLines: p.unpricedLines,
    leadTimeDays: p.leadTimeDays,
  };
}

function nothingToOrder(list: PurchaseSuggestionList, skipped: number): string {
  if (skipped > 0) return `nothing could be ordered: ${skipped} suggested line(s) have no supplier price; add price breaks or order by hand`;
  if (list.unassigned.length > 0) return `nothing to order from a supplier: ${list.unassigned.length} low item(s) have no supplier`;
  return 'nothing to order: every item is at or above its reorder point, or already on a draft order';
}
