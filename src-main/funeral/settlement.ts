import { and, asc, eq, inArray, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import { STANDARD_ITEM_LABELS } from '../contract/funeral-policy';
import { localDate } from '../calendar/dates';
import type { ReadContext } from '../core/context';
import { funeralSettlements, funeralWaiverReversals, funeralWaivers } from '../db/schema';
import type { Fen } from './money';

/**
 * A funeral home's monthly settlement: its approved waivers whose settlement month is that month,
 * summed per item from the lines stored with each waiver (the computation as it was approved, so a
 * statement never changes when a policy does), less the reversals (冲销) entered in that month. A closed
 * (submitted) month is closed for good: approving later puts the waiver into the next open month, never
 * into a closed one; correcting a waiver settled there reverses it in an open month. A superseded waiver
 * keeps its settlement month and still counts there — it was approved and paid in that month.
 */

export type Month = string;

export function monthOf(date: string): Month {
  return date.slice(0, 7);
}

/** The station's current month, by its local date. */
export function currentMonth(now: Date): Month {
  return monthOf(localDate(now));
}

export function nextMonth(month: Month): Month {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** '2025-03' → '2025年3月'. */
export function monthLabel(month: Month): string {
  const [y, m] = month.split('-').map(Number);
  return `${y}年${m}月`;
}

export type ClosedMonth = typeof funeralSettlements.$inferSelect;

export function closedMonth(ctx: ReadContext, funeralHome: string, month: Month): ClosedMonth | null {
  return (
    ctx.db
      .select()
      .from(funeralSettlements)
      .where(and(eq(funeralSettlements.funeralHome, funeralHome), eq(funeralSettlements.month, month)))
      .get() ?? null
  );
}

/** The month an approval made now is settled in: the current month, or the first open one after it. */
export function settlementMonthFor(ctx: ReadContext, funeralHome: string): Month {
  const closed = new Set(
    ctx.db
      .select({ month: funeralSettlements.month })
      .from(funeralSettlements)
      .where(eq(funeralSettlements.funeralHome, funeralHome))
      .all()
      .map((r) => r.month),
  );
  let month = currentMonth(ctx.now);
  while (closed.has(month)) month = nextMonth(month);
  return month;
}

/** What the settlement reads of each waiver's stored computation. */
export interface StoredLine {
  itemId: string;
  label: string;
  unit: string;
  quantity: number;
  claimed: Fen;
  waived: Fen;
}

export interface SettledWaiver {
  id: number;
  number: string;
  deceasedName: string;
  dateOfDeath: string;
  totalClaimed: Fen;
  totalWaived: Fen;
  lines: StoredLine[];
  /** The 减免编号 of the waiver this one replaces after a correction. */
  replacesNumber: string | null;
}

/** 冲销: an approved waiver's settled lines, entered in an open month when it was corrected; subtracted there. */
export interface SettledReversal {
  id: number;
  waiverNumber: string;
  deceasedName: string;
  dateOfDeath: string;
  /** The closed month the reversed waiver was settled in. */
  originalMonth: Month;
  settlementMonth: Month;
  reason: string;
  /** As the reversed waiver was settled: positive amounts, subtracted. */
  lines: StoredLine[];
  totalClaimed: Fen;
  totalWaived: Fen;
  /** The waiver that replaces the reversed one. */
  replacedBy: string | null;
  createdAt: string;
}

/** One item summed over the month's waivers: the same fields as a waiver's line. */
export type ItemTotal = StoredLine;

export interface Settlement {
  funeralHome: string;
  month: Month;
  closed: ClosedMonth | null;
  waivers: SettledWaiver[];
  /** By item, over the waivers (gross). */
  items: ItemTotal[];
  reversals: SettledReversal[];
  /** Net of the reversals: what the bureau pays for the month. */
  totalClaimed: Fen;
  totalWaived: Fen;
}

/** The standard items in their usual order (接运 … 寄存), then a city's own items by id. */
const ORDER = Object.keys(STANDARD_ITEM_LABELS);
function itemOrder(a: string, b: string): number {
  const ia = ORDER.indexOf(a);
  const ib = ORDER.indexOf(b);
  if (ia !== ib) return (ia < 0 ? ORDER.length : ia) - (ib < 0 ? ORDER.length : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

const replaced = alias(funeralWaivers, 'replaced');

export function approvedWaivers(ctx: ReadContext, funeralHome: string, month: Month): SettledWaiver[] {
  return ctx.db
    .select({
      id: funeralWaivers.id,
      number: funeralWaivers.number,
      deceasedName: funeralWaivers.deceasedName,
      dateOfDeath: funeralWaivers.dateOfDeath,
      totalClaimed: funeralWaivers.totalClaimed,
      totalWaived: funeralWaivers.totalWaived,
      computation: funeralWaivers.computation,
      replacesNumber: replaced.number,
    })
    .from(funeralWaivers)
    .leftJoin(replaced, eq(replaced.id, funeralWaivers.replacesWaiverId))
    .where(
      and(eq(funeralWaivers.funeralHome, funeralHome), eq(funeralWaivers.settlementMonth, month), inArray(funeralWaivers.status, ['approved', 'superseded'])),
    )
    .orderBy(asc(funeralWaivers.number))
    .all()
    .map(({ computation, ...w }) => ({ ...w, lines: storedLines(JSON.parse(computation) as { lines: StoredLine[] }) }));
}

/** The lines as the settlement reads them, whatever else the computation holds (the rule, what the family pays). */
export function storedLines(computation: { lines: readonly StoredLine[] }): StoredLine[] {
  return computation.lines.map(({ itemId, label, unit, quantity, claimed, waived }) => ({ itemId, label, unit, quantity, claimed, waived }));
}

const replacement = alias(funeralWaivers, 'replacement');

/** The reversals entered in this month of this home, with the reversed waiver and its replacement. */
export function reversalsIn(ctx: ReadContext, funeralHome: string, month: Month): SettledReversal[] {
  return reversalRows(ctx, and(eq(funeralWaiverReversals.funeralHome, funeralHome), eq(funeralWaiverReversals.settlementMonth, month)));
}

/** The reversal of one superseded waiver, if it was reversed. */
export function reversalOf(ctx: ReadContext, waiverId: number): SettledReversal | null {
  return reversalRows(ctx, eq(funeralWaiverReversals.waiverId, waiverId))[0] ?? null;
}

function reversalRows(ctx: ReadContext, where: SQL | undefined): SettledReversal[] {
  return ctx.db
    .select({ r: funeralWaiverReversals, original: funeralWaivers, replacedBy: replacement.number })
    .from(funeralWaiverReversals)
    .innerJoin(funeralWaivers, eq(funeralWaivers.id, funeralWaiverReversals.waiverId))
    .leftJoin(replacement, eq(replacement.replacesWaiverId, funeralWaiverReversals.waiverId))
    .where(where)
    .orderBy(asc(funeralWaiverReversals.id))
    .all()
    .map(({ r, original, replacedBy }) => {
      const lines = JSON.parse(r.lines) as StoredLine[];
      return {
        id: r.id,
        waiverNumber: original.number,
        deceasedName: original.deceasedName,
        dateOfDeath: original.dateOfDeath,
        // A superseded waiver keeps the month it was settled in.
        originalMonth: original.settlementMonth!,
        settlementMonth: r.settlementMonth,
        reason: r.reason,
        lines,
        totalClaimed: lines.reduce((s, l) => s + l.claimed, 0),
        totalWaived: r.totalWaived,
        replacedBy,
        createdAt: r.createdAt,
      };
    });
}

export function settlementOf(ctx: ReadContext, funeralHome: string, month: Month): Settlement {
  const waivers = approvedWaivers(ctx, funeralHome, month);
  const reversals = reversalsIn(ctx, funeralHome, month);
  const byItem = new Map<string, ItemTotal>();
  for (const w of waivers) {
    for (const l of w.lines) {
      const t = byItem.get(l.itemId);
      if (t) {
        t.quantity += l.quantity;
        t.claimed += l.claimed;
        t.waived += l.waived;
      } else byItem.set(l.itemId, { itemId: l.itemId, label: l.label, unit: l.unit, quantity: l.quantity, claimed: l.claimed, waived: l.waived });
    }
  }
  const items = [...byItem.values()].sort((a, b) => itemOrder(a.itemId, b.itemId));
  return {
    funeralHome,
    month,
    closed: closedMonth(ctx, funeralHome, month),
    waivers,
    items,
    reversals,
    totalClaimed: waivers.reduce((s, w) => s + w.totalClaimed, 0) - reversals.reduce((s, r) => s + r.totalClaimed, 0),
    totalWaived: waivers.reduce((s, w) => s + w.totalWaived, 0) - reversals.reduce((s, r) => s + r.totalWaived, 0),
  };
}
