/**
 * Observable Plot in Node: a chart as SVG markup for files that must stand alone (the notebook's
 * HTML, the evaluation report). Plot draws into a linkedom document through its `document` option;
 * the markup has no scripts and no references outside itself. Node only (the browser uses Plot as is).
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/** A document to hand to Plot's `document` option (or to build other markup in). */
export function svgDocument(): Document {
  return parseHTML('<!doctype html><html><head></head><body></body></html>').document as unknown as Document;
}

/**
 * The chart as markup: an `<svg>`, or a `<figure>` holding the legend and the svg. Plot's own class
 * name is fixed (`className`, default "ltc-plot") so that the output is the same on every run.
 */
export function plotSvg(options: Plot.PlotOptions): string {
  const chart = Plot.plot({ className: 'ltc-plot', ...options, document: options.document ?? svgDocument() });
  return chart.outerHTML;
}
