import type { Me } from "../api/types";
import { Link } from "../components/Link";
import { NothingToShow } from "../components/Messages";
import { Page } from "../components/Page";
import { rolesInWords } from "../format";
import { match, type Location } from "../router";
import { routes } from "../routes";

/** The page of the address, or why the signed-in role has nothing there. */
export function RoutedPage(props: { location: Location; me: Me }) {
  const { location, me } = props;
  for (const route of routes) {
    const params = match(route.pattern, location.path);
    if (params === null) continue;
    if (!route.roles.includes(me.role)) {
      return (
        <Page title="Nothing for your role here">
          <NothingToShow>
            This page is for {rolesInWords(route.roles)} ({route.purpose}). You are signed in as {me.role.toLowerCase()}{" "}
            <strong>{me.partyId}</strong>, so there is nothing here you may see. <Link href="/console/">Go to your home page</Link>.
          </NothingToShow>
        </Page>
      );
    }
    const Component = route.page;
    return <Component params={params} query={location.query} me={me} />;
  }
  return (
    <Page title="No such page">
      <NothingToShow>
        The console has no page at this address. <Link href="/console/">Go to your home page</Link>.
      </NothingToShow>
    </Page>
  );
}
