/**
 * The process parameters of the simulated manufacturer. Those in `ProcessParameters` change in
 * one step at the cut-over (the redesign goes live on a single day); everything else stays the
 * same, so a before/after comparison recovers exactly the change put in here.
 */
import { SEGMENT_COLLECTION, SEGMENT_CONVERSION, SEGMENT_MIX, SOURCE_CONVERSION, SOURCE_MIX_BEFORE, REGION_MIX, REGION_PROCESSING } from './catalog.ts';
import { normalCdf } from './random.ts';

/** The lead conversion window W (docs/measures.md). */
export const WINDOW_DAYS = 90;

export interface ProcessParameters {
  /** Share of leads with an order within WINDOW_DAYS of creation (lead_conversion_rate, docs/measures.md), at average source and segment. */
  conversionWithinWindow: number;
  /** Share of opportunities that are won. */
  opportunityWinRate: number;
  /** Lead created → first order created, for won leads: lognormal median (days) and log-spread. */
  salesCycleMedianDays: number;
  salesCycleSigma: number;
  /** Lead created → qualified or disqualified, for leads not won: lognormal median (days). */
  qualifyMedianDays: number;
  /** Weights of 1, 2 and 3 quote rounds on a won opportunity (rework). */
  quoteRounds: readonly number[];
  /** Order created → last delivery (order_processing_days, docs/measures.md): lognormal mean (days) and log-spread. */
  orderProcessingMeanDays: number;
  orderProcessingSigma: number;
  /** Invoice issued → fully paid (collection_days, docs/measures.md): lognormal mean (days) and log-spread. */
  collectionMeanDays: number;
  collectionSigma: number;
}

export const BEFORE: ProcessParameters = {
  conversionWithinWindow: 0.2,
  opportunityWinRate: 0.42,
  salesCycleMedianDays: 38,
  salesCycleSigma: 0.55,
  qualifyMedianDays: 3,
  quoteRounds: [0.62, 0.28, 0.1],
  orderProcessingMeanDays: 10,
  orderProcessingSigma: 0.55,
  collectionMeanDays: 15,
  collectionSigma: 0.65,
};

export const AFTER: ProcessParameters = {
  conversionWithinWindow: 0.3,
  opportunityWinRate: 0.5,
  salesCycleMedianDays: 26,
  salesCycleSigma: 0.55,
  qualifyMedianDays: 1.5,
  quoteRounds: [0.8, 0.16, 0.04],
  orderProcessingMeanDays: 5,
  orderProcessingSigma: 0.55,
  collectionMeanDays: 9,
  collectionSigma: 0.65,
};

/** Probability that a won lead's sales cycle ends within the window. */
export function withinWindowShare(p: ProcessParameters): number {
  return normalCdf(Math.log(WINDOW_DAYS / p.salesCycleMedianDays) / p.salesCycleSigma);
}

const weightedMean = (mix: readonly number[], factor: readonly number[]): number =>
  mix.reduce((sum, m, i) => sum + m * factor[i], 0) / mix.reduce((sum, m) => sum + m, 0);

/** Segment and source effects, scaled to average 1 over the mix, so the period rates above hold overall. */
export const sourceConversion = SOURCE_CONVERSION.map((f) => f / weightedMean(SOURCE_MIX_BEFORE, SOURCE_CONVERSION));
export const segmentConversion = SEGMENT_CONVERSION.map((f) => f / weightedMean(SEGMENT_MIX, SEGMENT_CONVERSION));
export const regionProcessing = REGION_PROCESSING.map((f) => f / weightedMean(REGION_MIX, REGION_PROCESSING));
/** Invoices come from orders, so their segment mix follows the segment conversion rates. */
const invoiceSegmentMix = SEGMENT_MIX.map((m, i) => m * segmentConversion[i]);
export const segmentCollection = SEGMENT_COLLECTION.map((f) => f / weightedMean(invoiceSegmentMix, SEGMENT_COLLECTION));

/** Parameters that do not change at the cut-over. */
export const STABLE = {
  /** Qualified leads that become an opportunity (the rest stay in nurturing). */
  opportunityShareOfQualified: 0.85,
  /** Leads never touched by sales (stay New). */
  untouchedShare: 0.03,
  /** Lost opportunities: created → closed lost, lognormal median (days). */
  lostCycleMedianDays: 35,
  /** Won opportunities that bring a second (repeat) order. */
  repeatOrderShare: 0.08,
  /** Orders that come in without a lead or opportunity, as a share of all orders. */
  directOrderShare: 0.03,
  /** Orders of opportunities from before the export (the deliberate orphans), per lead. */
  legacyOrdersPerLead: 0.0015,
  /** Weights of 1, 2 and 3 deliveries per order (partial deliveries). */
  deliveries: [0.7, 0.22, 0.08],
  /** Orders invoiced in two parts. */
  twoInvoiceShare: 0.22,
  /** Invoices paid in 2–3 instalments. */
  instalmentShare: 0.15,
  /** Invoices never paid in full (bad debt; some get a partial payment). */
  badDebtShare: 0.025,
  /** Orders whose payments name only the order, not the invoice (applied oldest invoice first). */
  orderOnlyPaymentShare: 0.055,
  /** Invoice-linked payments that also carry the order id. */
  paymentWithOrderIdShare: 0.6,
  /** Spread of order values around the segment median (lognormal sigma). */
  orderValueSigma: 0.6,
};
