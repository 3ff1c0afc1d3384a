import * as Plot from "@observablehq/plot";
import { type ReactNode, useEffect, useRef } from "react";

interface ChartFigureProps {
  /** What the chart shows; the figure's caption, also the chart's accessible name. */
  caption: string;
  /** One sentence a screen reader hears after the caption: what to look for. */
  description: string;
  /** Observable Plot's options (marks, scales); the chart is drawn by the library, never by hand. */
  plot: Plot.PlotOptions;
  /** The same numbers as a table (the Table component), shown beside the chart, never instead of it. */
  table: ReactNode;
}

/**
 * A chart with its table: Observable Plot draws the SVG from the same numbers the table lists, so
 * nobody depends on seeing the chart (WCAG 1.1.1, 1.4.1). The chart is an image with a name and a
 * description; the table is the accessible source of the numbers. Plot is imported only by the
 * pages that draw charts, so it stays out of the first page's JavaScript.
 */
export function ChartFigure({ caption, description, plot, table }: ChartFigureProps) {
  const holder = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const style = { display: "block", maxWidth: "100%", height: "auto", fontSize: "14px", ...plotStyle(plot.style) };
    const chart = Plot.plot({ ...plot, ariaLabel: caption, ariaDescription: description, style });
    // Plot adds a <style> element, which the service's CSP (style-src 'self') refuses with a console error;
    // the rules that matter are set above through the element's style object, which CSP allows.
    for (const element of chart.querySelectorAll("style")) element.remove();
    chart.setAttribute("role", "img");
    holder.current?.replaceChildren(chart);
    return () => chart.remove();
  }, [plot, caption, description]);
  return (
    <figure className="app-chart-figure govuk-!-margin-0 govuk-!-margin-bottom-6">
      <figcaption className="govuk-heading-s">{caption}</figcaption>
      <div ref={holder} className="app-chart" data-testid="chart" />
      {table}
    </figure>
  );
}

const plotStyle = (style: Plot.PlotOptions["style"]) => (typeof style === "object" && style !== null ? style : {});
