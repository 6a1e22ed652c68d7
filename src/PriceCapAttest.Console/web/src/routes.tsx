import type { JSX } from "preact";
import type { Me, Role } from "./api/types";
import { AttestationPage } from "./pages/AttestationPage";
import { FleetPage } from "./pages/FleetPage";
import { HomePage } from "./pages/HomePage";
import { UploadPage } from "./pages/UploadPage";
import { SchedulePage } from "./pages/SchedulePage";
import { VesselPage } from "./pages/VesselPage";
import { ViolationsPage } from "./pages/ViolationsPage";

export type PageProps = { params: Record<string, string>; query: URLSearchParams; me: Me };

/**
 * One page of the console: its path pattern below /console (":name" is a parameter), the roles that may use it,
 * and its component. With nav set, the header links to it for those roles. Add a page here (docs/console.md).
 */
export type PageRoute = {
  name: string;
  pattern: string;
  roles: readonly Role[];
  page: (props: PageProps) => JSX.Element;
  nav?: string;
  /** What the page is for, in the words of "This page is for ..." when the role may not use it. */
  purpose: string;
};

export const AllRoles: readonly Role[] = ["Shipper", "Insurer", "Regulator", "Operator"];

export const routes: readonly PageRoute[] = [
  { name: "home", pattern: "/", roles: AllRoles, page: HomePage, purpose: "everyone" },
  { name: "fleet", pattern: "/fleet", roles: ["Insurer"], page: FleetPage, nav: "Fleet", purpose: "insurers: the vessels they cover" },
  { name: "upload", pattern: "/upload", roles: ["Shipper"], page: UploadPage, nav: "Upload", purpose: "shippers: uploading attestation documents" },
  { name: "vessel", pattern: "/vessels/:imo", roles: ["Insurer", "Operator"], page: VesselPage, purpose: "insurers and operators: a vessel's attestations" },
  {
    name: "attestation",
    pattern: "/attestations/:shipperId/:attestationId",
    roles: AllRoles,
    page: AttestationPage,
    purpose: "anyone who may read the attestation",
  },
  {
    name: "violations",
    pattern: "/violations",
    roles: ["Regulator", "Operator"],
    page: ViolationsPage,
    nav: "Violations",
    purpose: "regulators and operators: the violations of a regime",
  },
  { name: "schedule", pattern: "/schedule", roles: AllRoles, page: SchedulePage, nav: "Schedule", purpose: "everyone: the caps in force and their sources" },
];
