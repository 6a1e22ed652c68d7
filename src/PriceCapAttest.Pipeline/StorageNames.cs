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
        public const string Fleets = "Fleets";
        public const string ReadAudit = "ReadAudit";
    }

    public static class Blobs
    {
        public const string CapSchedule = "cap-schedule.json";
    }
}
