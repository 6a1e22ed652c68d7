import { Page } from "../components/Page";
import type { PageProps } from "../routes";

export function FleetPage(_: PageProps) {
  return <Page title="Your fleet">{null}</Page>;
}
