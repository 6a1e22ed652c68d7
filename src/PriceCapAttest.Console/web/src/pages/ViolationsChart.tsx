import { getJson } from "../api/client";
import type { Paged, Violation } from "../api/types";
import { useApi } from "../api/useApi";
import { type Bar, BarChart } from "../components/BarChart";
import { Loading } from "../components/Messages";

/** The chart counts at most this many violations (fetched 1,000 a request); it says so when there are more. */
export const ChartLimit = 2000;
const ChartPageSize = 1000;

const MonthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** Violations per loading month (yyyy-MM), every month from the first to the last (empty months count 0). */
export function perMonth(loadingDates: readonly string[]): Bar[] {
  const counts = new Map<string, number>();
  for (const d of loadingDates) counts.set(d.slice(0, 7), (counts.get(d.slice(0, 7)) ?? 0) + 1);
  const keys = [...counts.keys()].sort();
  if (keys.length === 0) return [];
  const bars: Bar[] = [];
  let [year, month] = keys[0]!.split("-").map(Number) as [number, number];
  const last = keys[keys.length - 1]!;
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    const name = MonthNames[month - 1]!;
    bars.push({ key, label: [name.slice(0, 3), String(year)], name: `${name} ${year}`, value: counts.get(key) ?? 0 });
    if (key >= last) return bars;
    month = month === 12 ? 1 : month + 1;
    if (month === 1) year++;
  }
}

async function loadingDates(regime: string, from: string, to: string): Promise<{ dates: string[]; more: boolean }> {
  const dates: string[] = [];
  let token: string | null = null;
  do {
    const page: Paged<Violation> = await getJson<Paged<Violation>>("violations", { regime, from, to, pageSize: ChartPageSize, continuationToken: token });
    dates.push(...page.items.map((v) => v.loadingDate));
    token = page.continuationToken;
  } while (token !== null && dates.length < ChartLimit);
  return { dates: dates.slice(0, ChartLimit), more: token !== null || dates.length > ChartLimit };
}

/** The chart of violations per month over the filtered rows (counted here: the API has no per-month count). */
export function ViolationsChart(props: { regime: string; from: string; to: string }) {
  const { regime, from, to } = props;
  const loaded = useApi(() => loadingDates(regime, from, to), [regime, from, to], "the chart of violations per month");
  if (loaded.state === "loading") return <Loading what="the chart" />;
  // A failure is shown once, by the table's message.
  if (loaded.state === "failed" || loaded.data.dates.length === 0) return null;
  const bars = perMonth(loaded.data.dates);
  const total = loaded.data.dates.length;
  const top = bars.reduce((a, b) => (b.value > a.value ? b : a));
  const counted = loaded.data.more ? `the first ${total.toLocaleString("en-GB")} violations` : `${total} violation${total === 1 ? "" : "s"}`;
  const months = bars.length <= 12 ? ` ${bars.map((b) => `${b.name}: ${b.value}`).join("; ")}.` : "";
  const summary = `Bar chart of ${regime} violations per month of loading, ${bars[0]!.name} to ${bars[bars.length - 1]!.name}, ` +
    `over ${counted}; the most in ${top.name} (${top.value}).${months}`;
  return (
    <section aria-labelledby="chart-heading">
      <h2 id="chart-heading">Per month</h2>
      {loaded.data.more && (
        <p class="notice" data-testid="chart-partial">
          The chart covers the first {total.toLocaleString("en-GB")} violations only; the table and the CSV have them all.
        </p>
      )}
      <BarChart
        caption={`${regime} violations per month of loading`}
        summary={summary}
        bars={bars}
        valueName="Violations"
        testId="violations-chart"
      />
    </section>
  );
}
