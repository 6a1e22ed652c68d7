namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// A document the pipeline has: shown as <paramref name="Document"/>, its receipt read at <paramref name="Receipt"/>
/// (relative to the API, or absolute on its origin); the receipt for it carries <paramref name="Sha256"/> and was
/// received no earlier than <paramref name="SentAt"/> (null: not known, only the hash decides).
/// </summary>
public sealed record SentDocument(string Document, Uri Receipt, string Sha256, DateTimeOffset? SentAt);

/// <summary>
/// What became of one file: its receipt, or the API's refusal (the problem and its fields), or neither (no receipt in
/// time).
/// </summary>
public sealed record SubmitOutcome(string Document, Contracts.Receipt? Receipt, IReadOnlyList<string>? Refusal);
