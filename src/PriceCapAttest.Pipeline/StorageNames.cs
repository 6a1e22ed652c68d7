using PriceCapAttest.Contracts;

namespace PriceCapAttest.Pipeline;

/// <summary>
/// Names of the containers, queues and tables the pipeline uses. They mirror infra/storage-names.json, which the
/// Bicep templates load; a test keeps the two equal, so renaming one without the other fails the build.
/// </summary>
public static class StorageNames
{
    public static class Containers
    {
        public const string Attestations = ContainerNames.Attestations;
        public const string Receipts = ContainerNames.Receipts;
        public const string Config = ContainerNames.Config;
        public const string ScheduleHistory = "schedule-history";
    }

    public static class Queues
    {
        public const string ViolationAlerts = "violation-alerts";
        public const string ViolationAlertsPoison = "violation-alerts-poison";
        public const string BlobTriggerPoison = "webjobs-blobtrigger-poison";
    }

    public static class Tables
    {
        public const string Attestations = "Attestations";
        public const string VesselIndex = "VesselIndex";
        public const string Violations = "Violations";
        public const string Receipts = "Receipts";
        public const string Alerts = "Alerts";
        public const string Ingestions = "Ingestions";
        public const string ScreeningIndex = "ScreeningIndex";
        public const string Rescreens = "Rescreens";
        public const string ReceiptEvaluations = "ReceiptEvaluations";

        /// <summary>Party of each Entra ID principal per role: PK = object id, RK = role, PartyId (docs/security.md).</summary>
        public const string Parties = "Parties";

        /// <summary>Insurers' covered IMO numbers with an append-only history (docs/parties.md).</summary>
        public const string Fleets = "Fleets";

        /// <summary>Append-only record of attestation reads by insurers, regulators and operators, PK = shipper (docs/parties.md).</summary>
        public const string ReadAudit = "ReadAudit";
    }

    public static class Blobs
    {
        public const string CapSchedule = "cap-schedule.json";
    }
}
