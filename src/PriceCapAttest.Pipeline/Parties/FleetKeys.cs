using System.Globalization;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Parties;

/// <summary>
/// Keys of the Fleets table: one partition per insurer (the encoded insurer id) holding the current fleet
/// (RK <see cref="CurrentRow"/>) and its history rows (RK <c>history|{inverted revision}</c>, newest first).
/// </summary>
internal static class FleetKeys
{
    public const string CurrentRow = "current";
    public const string HistoryPrefix = "history|";

    /// <summary>Just above every history key ('}' follows '|').</summary>
    public const string HistoryEnd = "history}";

    public static string Partition(string insurerId) => KeyEncoder.Encode(insurerId);

    public static string HistoryRow(int revision) =>
        HistoryPrefix + (int.MaxValue - revision).ToString("D10", CultureInfo.InvariantCulture);
}
