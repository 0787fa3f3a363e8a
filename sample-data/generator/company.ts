/**
 * The simulated manufacturer: each lead is followed from creation to cash — qualification,
 * opportunity, quotes, orders, deliveries, invoices, payments — and its rows are written as soon
 * as the case is drawn. Events after DATA_END are cut off, leaving those cases open.
 */
import { accountId, type AccountPool } from './accounts.ts';
import { CUTOVER, DATA_END, DAY, formatTimestamp, HOUR, startOfDay } from './calendar.ts';
import { OWNERS, OWNERS_BY_REGION, SEGMENT_ORDER_MEDIAN, SEGMENT_PAYMENT_TERMS, SEGMENTS, SOURCE_MIX_AFTER, SOURCE_MIX_BEFORE, SOURCES, REGIONS } from './catalog.ts';
import { formatCents, type Writers } from './csv.ts';
import { AFTER, BEFORE, type ProcessParameters, regionProcessing, segmentCollection, segmentConversion, sourceConversion, STABLE, withinWindowShare } from './parameters.ts';
import type { Random } from './random.ts';
import { settle, settleBetween, settleOne, sortedUniforms } from './timeline.ts';

const CURRENCY = 'CNY';

const recordId = (prefix: string, n: number): string => prefix + String(n).padStart(6, '0');
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

interface PeriodModel {
  p: ProcessParameters;
  withinWindow: number;
  directOrdersPerLead: number;
}

function periodModel(p: ProcessParameters): PeriodModel {
  const withinWindow = withinWindowShare(p);
  const ordersPerLead = (p.conversionWithinWindow / withinWindow) * (1 + STABLE.repeatOrderShare);
  return {
    p,
    withinWindow,
    directOrdersPerLead: (STABLE.directOrderShare / (1 - STABLE.directOrderShare)) * ordersPerLead,
  };
}

const BEFORE_MODEL = periodModel(BEFORE);
const AFTER_MODEL = periodModel(AFTER);
const modelAt = (t: number): PeriodModel => (t < CUTOVER ? BEFORE_MODEL : AFTER_MODEL);

interface NewOrder {
  createdAt: number;
  opportunityId: string;
  leadId: string;
  account: number;
  cents: number;
}

interface PlannedQuote {
  createdAt: number;
  sentAt: number;
  acceptedAt: number;
  cents: number;
}

interface Payment {
  at: number;
  cents: number;
}

interface Invoice {
  issuedAt: number;
  cents: number;
  payments: Payment[];
  /** Moment the payments reach the amount, or Infinity (never, or after DATA_END). */
  paidAt: number;
}

/** What the generator did, for the command line and the tests. */
export interface CompanyCounts {
  directOrders: number;
  /** Orders naming an opportunity from before the export (not in opportunities.csv). */
  orphanOrders: number;
  orderOnlyPayments: number;
  /** Latest event written (data_end, docs/measures.md). */
  latestEvent: number;
}

export class Company {
  private nextOpportunity = 1;
  private nextQuote = 1;
  private nextOrder = 1;
  private nextDelivery = 1;
  private nextInvoice = 1;
  private nextPayment = 1;
  readonly counts: CompanyCounts = { directOrders: 0, orphanOrders: 0, orderOnlyPayments: 0, latestEvent: 0 };

  constructor(
    private readonly rng: Random,
    private readonly out: Writers,
    private readonly accounts: AccountPool,
  ) {}

  /** An event's timestamp for a row: "" when it lies after DATA_END (it has not happened yet). */
  private event(t: number): string {
    if (!(t <= DATA_END)) return '';
    if (t > this.counts.latestEvent) this.counts.latestEvent = t;
    return formatTimestamp(t);
  }

  private orderCents(segment: number): number {
    const value = this.rng.lognormalMedian(SEGMENT_ORDER_MEDIAN[segment], STABLE.orderValueSigma);
    return Math.max(1_000, Math.round(value / 10) * 10) * 100;
  }

  /**
   * Orders in the first weeks of the period whose opportunities were created before it and are
   * therefore not in the export: the deliberate orphans. They take the first opportunity ids.
   */
  legacyOrders(count: number): void {
    const rng = this.rng;
    const start = Date.parse('2024-01-02T00:00:00Z') / 1000;
    const times = sortedUniforms(rng, count, start, start + 45 * DAY);
    settle(times, start, rng, true);
    for (const createdAt of times) {
      const account = this.accounts.draw(rng);
      this.counts.orphanOrders++;
      this.placeOrder({
        createdAt,
        opportunityId: recordId('O', this.nextOpportunity++),
        leadId: '',
        account,
        cents: this.orderCents(this.accounts.segment[account]),
      });
    }
  }

  /** One lead created at `createdAt`, and everything downstream of it. */
  lead(leadNumber: number, createdAt: number): void {
    const rng = this.rng;
    const model = modelAt(createdAt);
    const p = model.p;
    const leadId = recordId('L', leadNumber);
    const source = rng.weighted(createdAt < CUTOVER ? SOURCE_MIX_BEFORE : SOURCE_MIX_AFTER);
    const account = this.accounts.draw(rng);
    const region = this.accounts.region[account];
    const segment = this.accounts.segment[account];
    const owner = rng.chance(0.8) ? this.accounts.owner[account] : rng.pick(OWNERS_BY_REGION[region]);

    const inWindow = p.conversionWithinWindow * sourceConversion[source] * segmentConversion[segment];
    const pWon = Math.min(0.95, inWindow / model.withinWindow);
    const pOpportunity = Math.min(0.95, Math.max(pWon, pWon / p.opportunityWinRate));
    const pQualified = Math.min(1, pOpportunity / STABLE.opportunityShareOfQualified);
    const u = rng.next();

    let qualifiedAt = Infinity;
    let disqualifiedAt = Infinity;
    let convertedAt = Infinity;
    let untouched = false;
    let opportunityId = '';

    if (u < pOpportunity) {
      const won = u < pWon;
      opportunityId = recordId('O', this.nextOpportunity++);
      const cents = this.orderCents(segment);
      let closeAt: number;
      let quotes: PlannedQuote[] = [];
      let orderAt = Infinity;
      if (won) {
        const cycle = clamp(rng.lognormalMedian(p.salesCycleMedianDays, p.salesCycleSigma), 2, 240) * DAY;
        const rounds = 1 + rng.weighted(p.quoteRounds);
        const q = createdAt + cycle * rng.uniform(0.03, 0.12);
        const o = q + cycle * rng.uniform(0.005, 0.05);
        const close = createdAt + cycle * (1 - rng.uniform(0, 0.02));
        const quoteMoments = sortedUniforms(rng, 2 * rounds + 1, o, close);
        const t = settle([q, o, ...quoteMoments, close, createdAt + cycle], createdAt, rng);
        qualifiedAt = t[0];
        convertedAt = t[1];
        for (let j = 0; j < rounds; j++) {
          const last = j === rounds - 1;
          quotes.push({
            createdAt: t[2 + 2 * j],
            sentAt: t[3 + 2 * j],
            acceptedAt: last ? t[2 + 2 * rounds] : Infinity,
            cents: last ? cents : Math.round((cents * rng.uniform(1.03, 1.15)) / 1000) * 1000,
          });
        }
        closeAt = t[3 + 2 * rounds];
        orderAt = t[4 + 2 * rounds];
      } else {
        const q = createdAt + rng.lognormalMedian(p.qualifyMedianDays, 0.9) * DAY;
        const o = q + rng.lognormalMedian(1, 1) * DAY;
        const close = o + clamp(rng.lognormalMedian(STABLE.lostCycleMedianDays, 0.7), 3, 300) * DAY;
        const rounds = rng.weighted([0.3, 0.5, 0.2]);
        const quoteMoments = sortedUniforms(rng, 2 * rounds, o, close);
        const t = settle([q, o, ...quoteMoments, close], createdAt, rng);
        qualifiedAt = t[0];
        convertedAt = t[1];
        quotes = Array.from({ length: rounds }, (_, j) => ({
          createdAt: t[2 + 2 * j],
          sentAt: t[3 + 2 * j],
          acceptedAt: Infinity,
          cents: Math.round((cents * rng.uniform(0.95, 1.2)) / 1000) * 1000,
        }));
        closeAt = t[2 + 2 * rounds];
      }
      if (convertedAt <= DATA_END) {
        this.opportunity(opportunityId, convertedAt, leadId, account, owner, won, closeAt, quotes, cents);
      } else {
        opportunityId = '';
      }
      if (orderAt <= DATA_END) {
        this.placeOrder({ createdAt: orderAt, opportunityId, leadId, account, cents });
        if (rng.chance(STABLE.repeatOrderShare)) {
          const repeatAt = settleOne(orderAt, rng.uniform(20, 120), rng, true);
          const repeatCents = Math.round((cents * rng.uniform(0.15, 0.5)) / 1000) * 1000;
          if (repeatAt <= DATA_END) this.placeOrder({ createdAt: repeatAt, opportunityId, leadId, account, cents: repeatCents });
        }
      }
    } else if (u < pQualified) {
      qualifiedAt = settleOne(createdAt, rng.lognormalMedian(p.qualifyMedianDays, 0.9), rng);
    } else if (rng.chance(0.05)) {
      untouched = true;
    } else {
      disqualifiedAt = settleOne(createdAt, rng.lognormalMedian(p.qualifyMedianDays * 1.5, 0.9), rng);
    }

    let status: string;
    if (convertedAt <= DATA_END) status = 'Converted';
    else if (disqualifiedAt <= DATA_END) status = 'Disqualified';
    else if (qualifiedAt <= DATA_END) status = 'Qualified';
    else status = untouched || createdAt > DATA_END - 2 * DAY ? 'New' : 'Working';

    this.out.leads.writePlain([
      leadId,
      this.event(createdAt),
      SOURCES[source],
      status,
      OWNERS[owner].name,
      REGIONS[region],
      SEGMENTS[segment],
      convertedAt <= DATA_END ? accountId(account) : '',
      this.event(qualifiedAt),
      this.event(disqualifiedAt),
      this.event(convertedAt),
      opportunityId,
    ]);

    if (rng.chance(model.directOrdersPerLead)) {
      const directAt = settleOne(createdAt, rng.uniform(0, 3), rng, true);
      const direct = this.accounts.draw(rng);
      if (directAt <= DATA_END) {
        this.counts.directOrders++;
        this.placeOrder({ createdAt: directAt, opportunityId: '', leadId: '', account: direct, cents: this.orderCents(this.accounts.segment[direct]) });
      }
    }
  }

  private opportunity(
    id: string,
    createdAt: number,
    leadId: string,
    account: number,
    owner: number,
    won: boolean,
    closeAt: number,
    quotes: readonly PlannedQuote[],
    cents: number,
  ): void {
    const rng = this.rng;
    const closed = closeAt <= DATA_END;
    let stage: string;
    let closedAt: string;
    if (closed) {
      stage = won ? 'Closed Won' : 'Closed Lost';
      closedAt = this.event(closeAt);
    } else {
      const sent = quotes.filter((q) => q.sentAt <= DATA_END).length;
      stage = sent >= 2 ? 'Negotiation' : sent === 1 ? 'Proposal' : createdAt < DATA_END - 14 * DAY ? 'Needs Analysis' : 'Qualification';
      // An open opportunity's close date is the rep's plan, not an event (docs/measures.md): it may lie after DATA_END.
      closedAt = formatTimestamp(startOfDay(Math.max(createdAt + rng.uniform(30, 90) * DAY, DATA_END + rng.uniform(1, 60) * DAY)));
    }
    const amount = won && closed ? cents : Math.round((cents * rng.uniform(0.9, 1.3)) / 100_000) * 100_000;
    this.out.opportunities.writePlain([
      id,
      this.event(createdAt),
      leadId,
      accountId(account),
      stage,
      String(closed),
      String(closed && won),
      closedAt,
      formatCents(Math.max(amount, 100_000)),
      CURRENCY,
      OWNERS[owner].name,
    ]);
    for (const q of quotes) {
      if (q.createdAt > DATA_END) continue;
      this.out.quotes.writePlain([
        recordId('Q', this.nextQuote++),
        id,
        this.event(q.createdAt),
        this.event(q.sentAt),
        this.event(q.acceptedAt),
        formatCents(q.cents),
      ]);
    }
  }

  /** Writes an order created at or before DATA_END and fulfils it: deliveries, invoices, payments. */
  private placeOrder(order: NewOrder): void {
    const rng = this.rng;
    const orderId = recordId('SO', this.nextOrder++);
    const region = this.accounts.region[order.account];
    const segment = this.accounts.segment[order.account];
    const created = order.createdAt;
    const confirmed = settleOne(created, clamp(rng.lognormalMedian(4, 0.9), 0.2, 72) / 24, rng);
    this.out.orders.writePlain([
      orderId,
      this.event(created),
      order.opportunityId,
      order.leadId,
      accountId(order.account),
      this.event(confirmed),
      formatCents(order.cents),
      CURRENCY,
    ]);

    // Deliveries: the last one ends order processing (order_processing_days, docs/measures.md).
    const p = modelAt(created).p;
    const processing = clamp(rng.lognormalMean(p.orderProcessingMeanDays * regionProcessing[region], p.orderProcessingSigma), 0.25, 80) * DAY;
    const count = 1 + rng.weighted(STABLE.deliveries);
    const delivered = settle([...sortedUniforms(rng, count - 1, created + 0.35 * processing, created + 0.95 * processing), created + processing], confirmed + HOUR, rng);
    const shipped: number[] = [];
    let shippedAfter = confirmed;
    for (const at of delivered) {
      const transit = rng.lognormalMedian(1, 0.6) * DAY;
      const s = settleBetween(at - Math.min(transit, 0.6 * (at - shippedAfter)), shippedAfter, at, rng);
      shipped.push(Math.min(s, at));
      shippedAfter = s;
    }
    for (let i = 0; i < count; i++) {
      if (delivered[i] > DATA_END) break;
      this.out.deliveries.writePlain([recordId('D', this.nextDelivery++), orderId, this.event(shipped[i]), this.event(delivered[i])]);
    }

    // Invoices: one at the last shipment, or two (per shipment, or a deposit at confirmation and the balance).
    const invoices: Invoice[] = [];
    const lastShipped = shipped[count - 1];
    if (rng.chance(STABLE.twoInvoiceShare)) {
      const first = count >= 2 ? shipped[0] : confirmed;
      const share = count >= 2 ? rng.uniform(0.3, 0.6) : 0.3;
      const firstCents = Math.round(order.cents * share);
      const firstAt = settleOne(first, rng.uniform(0.05, 1.5), rng, true);
      const secondAt = settleOne(Math.max(lastShipped, firstAt + HOUR), rng.uniform(0.05, 1.5), rng, true);
      invoices.push(this.collect(firstAt, firstCents, segment), this.collect(secondAt, order.cents - firstCents, segment));
    } else {
      invoices.push(this.collect(settleOne(lastShipped, rng.uniform(0.05, 1.5), rng, true), order.cents, segment));
    }

    const orderOnly = rng.chance(STABLE.orderOnlyPaymentShare) && fifoReproducesSchedule(invoices);
    for (const invoice of invoices) {
      if (invoice.issuedAt > DATA_END) break;
      const invoiceId = recordId('INV', this.nextInvoice++);
      this.out.invoices.writePlain([
        invoiceId,
        orderId,
        this.event(invoice.issuedAt),
        formatTimestamp(invoice.issuedAt + SEGMENT_PAYMENT_TERMS[segment] * DAY),
        formatCents(invoice.cents),
        CURRENCY,
      ]);
      for (const payment of invoice.payments) {
        if (payment.at > DATA_END) break;
        if (orderOnly) this.counts.orderOnlyPayments++;
        this.out.payments.writePlain([
          recordId('P', this.nextPayment++),
          this.event(payment.at),
          formatCents(payment.cents),
          orderOnly ? '' : invoiceId,
          orderOnly || rng.chance(STABLE.paymentWithOrderIdShare) ? orderId : '',
        ]);
      }
    }
  }

  /** An invoice issued at `issuedAt` and the payments that settle it (collection_days, docs/measures.md). */
  private collect(issuedAt: number, cents: number, segment: number): Invoice {
    const rng = this.rng;
    const p = modelAt(issuedAt).p;
    const payments: Payment[] = [];
    let paidAt = Infinity;
    if (rng.chance(STABLE.badDebtShare)) {
      if (rng.chance(0.5)) {
        payments.push({ at: settleOne(issuedAt, rng.uniform(5, 40), rng, true), cents: Math.round(cents * rng.uniform(0.2, 0.5)) });
      }
    } else {
      const days = clamp(rng.lognormalMean(p.collectionMeanDays * segmentCollection[segment], p.collectionSigma), 0.1, 200);
      const instalments = rng.chance(STABLE.instalmentShare) ? (rng.chance(0.75) ? 2 : 3) : 1;
      const moments = settle(
        [...sortedUniforms(rng, instalments - 1, issuedAt + 0.15 * days * DAY, issuedAt + 0.85 * days * DAY), issuedAt + days * DAY],
        issuedAt,
        rng,
        true,
      );
      let left = cents;
      for (let i = 0; i < instalments; i++) {
        const part = i === instalments - 1 ? left : Math.round((cents * rng.uniform(0.25, 0.45)) / 100) * 100;
        payments.push({ at: moments[i], cents: part });
        left -= part;
      }
      paidAt = moments[instalments - 1];
    }
    return { issuedAt, cents, payments, paidAt: paidAt <= DATA_END ? paidAt : Infinity };
  }
}

/**
 * Whether applying the order's payments to its invoices oldest first (docs/linking.md, for payments that
 * name only the order) settles each invoice at the moment intended: every invoice is fully paid
 * before the next one receives anything, and only then.
 */
function fifoReproducesSchedule(invoices: readonly Invoice[]): boolean {
  let settledBy = -Infinity;
  let open = false;
  for (const invoice of invoices) {
    const received = invoice.payments.filter((p) => p.at <= DATA_END);
    if (received.length === 0) {
      open = true;
      continue;
    }
    if (open || received[0].at <= settledBy) return false;
    if (invoice.paidAt === Infinity) open = true;
    settledBy = received[received.length - 1].at;
  }
  return true;
}
