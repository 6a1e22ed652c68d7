namespace PriceCapAttest.Contracts;

/// <summary>
/// The vessels an insurer covers: IMO numbers (7 digits, sorted, distinct). <see cref="Revision"/> counts the
/// changes (0 and <see cref="UpdatedAt"/> null for an insurer that never stored a fleet).
/// </summary>
public sealed record Fleet(string InsurerId, IReadOnlyList<string> Imos, DateTimeOffset? UpdatedAt, int Revision);

/// <summary>One change of a fleet: the IMO numbers it added and removed, and the revision it made.</summary>
public sealed record FleetChange(string InsurerId, int Revision, IReadOnlyList<string> Added, IReadOnlyList<string> Removed, DateTimeOffset ChangedAt);

/// <summary>
/// A fleet replacement refused as a whole: <see cref="Field"/> and <see cref="Message"/> say why, and
/// <see cref="Entries"/> names each entry that is not a valid IMO number (empty when the refusal is about the list).
/// </summary>
public sealed record FleetRefusal(string Field, string Message, IReadOnlyList<RefusedImo> Entries);

/// <summary>An entry of a fleet that is not a valid IMO number: its position in the request, its text and why.</summary>
public sealed record RefusedImo(int Index, string Value, string Reason);
