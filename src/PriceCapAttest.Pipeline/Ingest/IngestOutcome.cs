using PriceCapAttest.Contracts;
using PriceCapAttest.Pipeline.Receipts;

namespace PriceCapAttest.Pipeline.Ingest;

/// <summary>What an ingestion produced: the receipt, and whether the upload had been processed already (a redelivery).</summary>
public sealed record IngestOutcome(Receipt Receipt, bool AlreadyProcessed);
