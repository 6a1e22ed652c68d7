namespace PriceCapAttest.Contracts;

/// <summary>
/// A shipper's document was stored at <see cref="BlobPath"/> (<c>attestations/{shipperId}/{name}</c>); its receipt
/// will be at the receipts route <see cref="ReceiptPath"/> (<c>receipts/{shipperId}/{name}</c>) once the pipeline has
/// ingested it. <see cref="ETag"/> names this upload (the receipt row records the upload it was written for).
/// </summary>
public sealed record UploadAccepted(string ShipperId, string Name, string BlobPath, string ReceiptPath, string ETag);

/// <summary>An upload refused before anything was stored: the offending input (<see cref="Field"/>) and why.</summary>
public sealed record UploadRefusal(string Field, string Message);
