namespace PriceCapAttest.Contracts;

/// <summary>
/// A shipper's document was stored at <see cref="BlobPath"/> (<c>attestations/{shipperId}/{name}</c>); its receipt
/// will be at the receipts route <see cref="ReceiptPath"/> (<c>receipts/{shipperId}/{name}</c>) once the pipeline has
/// ingested it. <see cref="ETag"/> names this upload (the receipt row records the upload it was written for).
/// </summary>
public sealed record UploadAccepted(string ShipperId, string Name, string BlobPath, string ReceiptPath, string ETag);

/// <summary>An upload refused before anything was stored: the offending input (<see cref="Field"/>) and why.</summary>
public sealed record UploadRefusal(string Field, string Message);

/// <summary>
/// The 202 answer of <c>POST /api/attestations</c>: the document's <see cref="BlobPath"/> under the caller's
/// <see cref="ShipperId"/>, and <see cref="Receipt"/>, the address of its receipt (as in the Location header).
/// </summary>
public sealed record UploadAnswer(string ShipperId, string Name, string BlobPath, string Receipt);
