using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PriceCapAttest.RegulatorInbox;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>
/// What one shipper's alerts at the inbox add up to, read incrementally (each body parsed once, however often it is
/// polled): deliveries per CloudEvent id, per event type and per path, and the ones whose signature failed.
/// </summary>
internal sealed class InboxTally(Inbox inbox, string shipperId)
{
    private readonly Dictionary<string, int> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _byPath = new(StringComparer.Ordinal);
    private int _seen;

    public int Delivered { get; private set; }

    public int Unsigned { get; private set; }

    public int Received(string alertId) => _byId.GetValueOrDefault(alertId);

    /// <summary>Reads what arrived since the last call (the inbox keeps arrivals in order).</summary>
    public InboxTally Refresh()
    {
        var all = inbox.Received;
        for (; _seen < all.Count; _seen++)
        {
            var alert = all[_seen];
            if (alert.ShipperId != shipperId)
            {
                continue;
            }

            Delivered++;
            Unsigned += alert.SignatureValid ? 0 : 1;
            Add(_byId, JsonNode.Parse(alert.Body)?["id"]?.GetValue<string>() ?? "(no id)");
            Add(_byType, alert.Type ?? "(no type)");
            Add(_byPath, alert.Path);
        }

        return this;
    }

    public IReadOnlyList<string> MissingOf(IEnumerable<string> expected) => [.. expected.Where(id => !_byId.ContainsKey(id)).Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> Duplicated => [.. _byId.Where(p => p.Value > 1).Select(p => p.Key).Order(StringComparer.Ordinal)];

    public IReadOnlyList<string> UnexpectedOf(IReadOnlySet<string> expected) => [.. _byId.Keys.Where(id => !expected.Contains(id)).Order(StringComparer.Ordinal)];

    /// <summary>A report for a failure message: missing, duplicated and unexpected ids with examples, and the counts.</summary>
    public string Describe(IReadOnlySet<string> expected)
    {
        var missing = MissingOf(expected);
        var duplicated = Duplicated;
        var unexpected = UnexpectedOf(expected);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"expected {expected.Count} alert id(s); inbox has {Delivered} delivery(ies) of {_byId.Count} distinct id(s), {Unsigned} with an invalid signature");
        text.AppendLine(CultureInfo.InvariantCulture, $"missing {missing.Count}: {Examples(missing)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"delivered more than once {duplicated.Count}: {Examples(duplicated.Select(id => $"{id} x{_byId[id]}").ToList())}");
        text.AppendLine(CultureInfo.InvariantCulture, $"not expected {unexpected.Count}: {Examples(unexpected)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"by type: {Counts(_byType)}");
        text.Append(CultureInfo.InvariantCulture, $"by path: {Counts(_byPath)}");
        return text.ToString();
    }

    private static void Add(Dictionary<string, int> counts, string key) => counts[key] = counts.GetValueOrDefault(key) + 1;

    private static string Examples(IReadOnlyList<string> ids) => ids.Count == 0 ? "none" : string.Join(", ", ids.Take(5)) + (ids.Count > 5 ? ", ..." : "");

    private static string Counts(Dictionary<string, int> counts) =>
        counts.Count == 0 ? "none" : string.Join(", ", counts.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
}
