import { Table } from "./Table";

/** One bar: its axis label (two short lines), its full name for the summary and the table, and its value. */
export type Bar = { key: string; label: [string, string]; name: string; value: number };

const BarWidth = 28;
const Gap = 14;
const Left = 40;
const Top = 22;
const PlotHeight = 150;
const Bottom = 40;

/** The smallest of 1, 2, 5, 10, 20, 50 … at or above the largest value, so the axis reads in round numbers. */
function niceMax(value: number): number {
  let step = 1;
  for (;;) {
    for (const m of [1, 2, 5]) if (m * step >= value) return m * step;
    step *= 10;
  }
}

/**
 * An accessible SVG bar chart (no chart library): role="img" with a summary as its label, drawn with attributes
 * and classes only (no style strings: the CSP refuses them), and the same numbers in a data table below it.
 */
export function BarChart(props: { caption: string; summary: string; bars: Bar[]; valueName: string; testId?: string }) {
  const { bars } = props;
  const max = niceMax(Math.max(1, ...bars.map((b) => b.value)));
  const width = Left + bars.length * (BarWidth + Gap) + Gap;
  const height = Top + PlotHeight + Bottom;
  const y = (v: number) => Top + PlotHeight - (v / max) * PlotHeight;
  return (
    <figure class="chart" data-testid={props.testId}>
      <figcaption>{props.caption}</figcaption>
      <div class="chart-frame">
        <svg
          role="img"
          aria-label={props.summary}
          viewBox={`0 0 ${width} ${height}`}
          width={width}
          height={height}
          class="chart-svg"
          focusable="false"
        >
          {[0, max / 2, max].map((tick) => (
            <g key={tick} class="chart-grid">
              <line x1={Left - 4} x2={width} y1={y(tick)} y2={y(tick)} />
              <text x={Left - 8} y={y(tick) + 4} text-anchor="end">{Number.isInteger(tick) ? tick : ""}</text>
            </g>
          ))}
          {bars.map((bar, i) => {
            const x = Left + Gap + i * (BarWidth + Gap);
            const h = (bar.value / max) * PlotHeight;
            return (
              <g key={bar.key} data-bar={bar.key} data-value={bar.value}>
                <rect class="chart-bar" x={x} y={y(bar.value)} width={BarWidth} height={h} />
                {bar.value > 0 && <text class="chart-value" x={x + BarWidth / 2} y={y(bar.value) - 5} text-anchor="middle">{bar.value}</text>}
                <text class="chart-label" x={x + BarWidth / 2} y={Top + PlotHeight + 16} text-anchor="middle">{bar.label[0]}</text>
                <text class="chart-label" x={x + BarWidth / 2} y={Top + PlotHeight + 31} text-anchor="middle">{bar.label[1]}</text>
              </g>
            );
          })}
          <line class="chart-axis" x1={Left} x2={width} y1={Top + PlotHeight} y2={Top + PlotHeight} />
        </svg>
      </div>
      <Table caption={`${props.caption}: the numbers`} testId={props.testId ? `${props.testId}-table` : undefined}>
        <thead>
          <tr>
            <th scope="col">Month</th>
            <th scope="col" class="number">{props.valueName}</th>
          </tr>
        </thead>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.key} data-month={bar.key}>
              <th scope="row">{bar.name}</th>
              <td class="number">{bar.value}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </figure>
  );
}
