// The API's answers as the console reads them (src/PriceCapAttest.Contracts; docs/openapi.json).
export type Role = "Shipper" | "Insurer" | "Regulator" | "Operator";
export type Verdict = "Exempt" | "Compliant" | "NeedsReview" | "Violation" | "Rejected";

export type Me = { role: Role; partyId: string };
export type Paged<T> = { items: T[]; continuationToken: string | null };

export type RegimeVerdict = { regime: string; verdict: Verdict };
export type VesselAttestation = {
  imo: string; loadingDate: string; shipperId: string; attestationId: string; version: number; versions: number;
  verdict: Verdict; regimes: RegimeVerdict[]; flags: string[]; vesselName: string | null; scheduleVersion: string | null;
  receivedAt: string; blobPath: string;
};

export type RegimeResult = {
  regime: string; verdict: Verdict; capUsdPerBbl: number | null; priceUsdPerBbl: number | null; ruleId: string | null; reasons: string[];
};
export type ValidationIssue = { code: string; field: string | null; message: string };
export type AlertDelivery = {
  alertId: string; eventType: string; regime: string; version: number; endpoint: string | null;
  status: "Pending" | "Delivered" | "Failed"; attempts: number; lastError: string | null; updatedAt: string;
};
export type Evaluation = { number: number; cause: string; evaluatedAt: string | null; rescreenRunId: string | null };
export type PastEvaluation = Evaluation & {
  scheduleVersion: string | null; verdict: Verdict; reasons: string[]; regimes: RegimeResult[]; flags: string[]; replacedAt: string | null;
};
export type Attestation = {
  source: string; index: number; attestationId: string | null; verdict: Verdict; reasons: string[]; regimes: RegimeResult[];
  flags: string[]; errors: ValidationIssue[]; scheduleVersion: string | null; shipperId: string; version: number; versions: number;
  currentVersion: number; receivedAt: string; blobPath: string; sha256: string; alerts: AlertDelivery[]; evaluation: Evaluation;
  history: PastEvaluation[]; imo: string | null;
};

export type Fleet = { insurerId: string; imos: string[]; updatedAt: string | null; revision: number };

export type Cap = {
  regime: string; category: string; capUsdPerBbl: number | null; ruleId: string | null; from: string | null; to: string | null;
  knownUntil: string | null; status: string | null; instrument: string | null; source: string | null; confirmed: boolean | null; note: string | null;
};
export type Schedule = { asOf: string; scheduleVersion: string; description: string | null; caps: Cap[] };

export type UploadAnswer = { shipperId: string; name: string; blobPath: string; receipt: string };
export type ReceiptStatus = "Processed" | "Rejected" | "Failed";
export type RecordKey = { shipperId: string; attestationId: string; version: number };
export type ReceiptAttestation = {
  index: number; attestationId: string | null; verdict: Verdict; errors: ValidationIssue[]; record: RecordKey | null; current: boolean;
};
export type Receipt = {
  blobPath: string; shipperId: string; name: string; sha256: string | null; size: number | null; receivedAt: string;
  status: ReceiptStatus; scheduleVersion: string | null; error: string | null; attestations: ReceiptAttestation[];
};

export type ScheduleWarning = { regime: string; category: string; ruleId: string; reviewDate: string; message: string };
export type ScheduleRefusal = { blobETag: string | null; at: string; problems: string[] };
export type ScheduleStatus = {
  version: string | null; source: string; blobPath: string | null; blobETag: string | null; loadedAt: string | null;
  lastCheckedAt: string | null; lastError: ScheduleRefusal | null;
};
/** GET /api/schedule with what the schedule page reads beyond the caps: the source's status and the aged caps. */
export type ScheduleAnswer = Schedule & { status: ScheduleStatus; warnings: ScheduleWarning[] };

export type Violation = {
  regime: string; loadingDate: string; shipperId: string; attestationId: string; version: number; imo: string | null;
  vesselName: string | null; capUsdPerBbl: number | null; priceUsdPerBbl: number | null; ruleId: string | null; reasons: string[];
  scheduleVersion: string | null; receivedAt: string; blobPath: string; sha256: string;
};

export type RegimeVerdictChange = { regime: string; from: Verdict | null; to: Verdict | null };
export type RescreenChange = {
  shipperId: string; attestationId: string; version: number; loadingDate: string; from: Verdict; to: Verdict;
  fromScheduleVersion: string | null; toScheduleVersion: string | null; regimes: RegimeVerdictChange[];
};
export type RescreenCount = { regime: string; from: Verdict | null; to: Verdict | null; count: number };
/** POST /api/rescreens/dry-run: what publishing a proposed schedule would change (writes nothing). */
export type DryRunReport = {
  proposedVersion: string; proposedSha256: string; inForceVersion: string; changes: string[]; months: number; examined: number;
  changed: number; unchanged: number; unavailable: number; counts: RescreenCount[]; attestations: RescreenChange[];
};
