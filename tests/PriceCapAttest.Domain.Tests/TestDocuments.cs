using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Tests;

/// <summary>
/// Test documents: the valid crude attestation of the format page, as JSON text or as a <see cref="JsonObject"/>
/// to mutate by JSON path (<c>Set("vessel.imo", "9074728")</c>, <c>Without("ancillaryCosts[1].unit")</c>), and
/// the same documents written as CSV with the project's column conventions.
/// </summary>
public static class TestDocuments
{
    /// <summary>A moment after every date of the documents (the validators' clock in tests).</summary>
    public static readonly DateTimeOffset Now = new(2026, 4, 1, 12, 0, 0, TimeSpan.Zero);

    public const string CrudeJson = """
        {
          "schemaVersion": "1.0",
          "attestationId": "ATT-2026-0042",
          "attestor": {
            "name": "Baltic Energy Trading SA",
            "tier": 1,
            "country": "CH",
            "signatory": "A. Meyer, Head of Compliance",
            "signedAt": "2026-03-01T09:00:00Z"
          },
          "vessel": { "imo": "9074729", "name": "NORDIC STAR", "flag": "LR" },
          "voyage": {
            "loadPort": "RUPRI",
            "loadingDate": "2026-03-02",
            "dischargePort": "INMUN",
            "dischargeDate": "2026-03-30",
            "stsTransfer": false
          },
          "contract": { "reference": "C-2026-017", "date": "2026-02-10" },
          "cargo": {
            "product": "crude",
            "hsCode": "2709.00",
            "grade": "Urals",
            "origin": "RU",
            "quantity": { "value": 100000, "unit": "t" },
            "apiGravity": 31.5
          },
          "price": { "value": 42.10, "currency": "USD", "unit": "bbl", "basis": "FOB" },
          "ancillaryCosts": [
            { "type": "freight", "value": 3.10, "currency": "USD", "unit": "bbl" },
            { "type": "insurance", "value": 0.25, "currency": "USD", "unit": "bbl" },
            { "type": "port", "value": 15000, "currency": "USD", "unit": "lumpsum", "description": "port dues, loading" }
          ],
          "fxRatesToUsd": { "EUR": 1.08 },
          "serviceProviders": [
            { "role": "insurer", "name": "North P&I", "country": "GB" },
            { "role": "shipowner", "name": "Aegean Tankers", "country": "GR" }
          ],
          "exemption": { "type": "sakhalin2", "reference": "GL 55E" }
        }
        """;

    /// <summary>A clock standing at <see cref="Now"/>.</summary>
    public static TimeProvider Clock(DateTimeOffset? now = null) => new FixedClock(now ?? Now);

    /// <summary>A fresh, mutable copy of the valid crude attestation.</summary>
    public static JsonObject Crude() => JsonNode.Parse(CrudeJson)!.AsObject();

    /// <summary>The valid crude attestation as version 1.1: with the owner of the oil (AE) and a general licence
    /// (GL 134) as its exemption claim.</summary>
    public static JsonObject Crude11() => Crude().Set("schemaVersion", "1.1").Set("cargo.owner.country", "AE")
        .Set("exemption.type", "general_licence").Set("exemption.reference", "GL 134");

    /// <summary>Sets the value at a JSON path (creating objects on the way); null writes JSON null.</summary>
    public static JsonObject Set(this JsonObject document, string path, JsonNode? value)
    {
        var (parent, last) = Navigate(document, path, create: true);
        Assign(parent!, last, value);
        return document;
    }

    /// <summary>Sets a string, number or boolean at a JSON path.</summary>
    public static JsonObject Set<T>(this JsonObject document, string path, T value) =>
        document.Set(path, (JsonNode?)JsonValue.Create(value));

    /// <summary>Sets raw JSON text (any JSON value) at a JSON path.</summary>
    public static JsonObject SetJson(this JsonObject document, string path, string json) =>
        document.Set(path, JsonNode.Parse(json));

    /// <summary>Removes the property or list entry at a JSON path (no-op when absent).</summary>
    public static JsonObject Without(this JsonObject document, string path)
    {
        var (parent, last) = Navigate(document, path, create: false);
        switch (parent)
        {
            case JsonObject obj:
                obj.Remove(last);
                break;
            case JsonArray array when int.TryParse(last, CultureInfo.InvariantCulture, out var i) && i < array.Count:
                array.RemoveAt(i);
                break;
        }
        return document;
    }

    /// <summary>The documents as a batch <c>{ "attestations": [...] }</c>.</summary>
    public static string Batch(params JsonNode?[] attestations) =>
        new JsonObject { ["attestations"] = new JsonArray([.. attestations.Select(a => a?.DeepClone())]) }.ToJsonString();

    /// <summary>UTF-8 bytes of the text, without a byte order mark.</summary>
    public static MemoryStream ToStream(this string text) => new(Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// The documents as CSV: a header with the JSON path of every value in any of them (in order of first
    /// appearance; lists as <c>ancillaryCosts[0].type</c>), one row per document, RFC 4180 quoting.
    /// </summary>
    public static string ToCsv(params JsonObject[] documents)
    {
        var rows = documents.Select(d =>
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            Flatten(d, "", cells);
            return cells;
        }).ToList();
        var header = rows.SelectMany(r => r.Keys).Distinct(StringComparer.Ordinal).ToList();
        var csv = new StringBuilder();
        csv.AppendJoin(',', header.Select(Quote)).Append("\r\n");
        foreach (var row in rows)
            csv.AppendJoin(',', header.Select(h => Quote(row.GetValueOrDefault(h, "")))).Append("\r\n");
        return csv.ToString();
    }

    /// <summary>RFC 4180 quoting of one cell.</summary>
    public static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;

    /// <summary>True when two documents hold the same values, lists and rate tables compared by content.</summary>
    public static bool SameContent(AttestationDocument a, AttestationDocument b) =>
        a with { AncillaryCosts = [], ServiceProviders = [], FxRatesToUsd = Empty }
            == b with { AncillaryCosts = [], ServiceProviders = [], FxRatesToUsd = Empty }
        && a.AncillaryCosts.SequenceEqual(b.AncillaryCosts)
        && a.ServiceProviders.SequenceEqual(b.ServiceProviders)
        && a.FxRatesToUsd.Count == b.FxRatesToUsd.Count
        && a.FxRatesToUsd.All(kv => b.FxRatesToUsd.TryGetValue(kv.Key, out var v) && v == kv.Value);

    private static readonly IReadOnlyDictionary<string, decimal?> Empty = new Dictionary<string, decimal?>();

    private static void Flatten(JsonNode? node, string path, Dictionary<string, string> cells)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                    Flatten(child, path.Length == 0 ? name : $"{path}.{name}", cells);
                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    Flatten(array[i], $"{path}[{i}]", cells);
                break;
            case JsonValue value:
                cells[path] = value.GetValueKind() switch
                {
                    JsonValueKind.String => value.GetValue<string>(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => value.ToJsonString(),
                };
                break;
        }
    }

    private static (JsonNode? Parent, string Last) Navigate(JsonObject document, string path, bool create)
    {
        var segments = Segments(path);
        JsonNode? current = document;
        for (var i = 0; i < segments.Count - 1 && current is not null; i++)
        {
            var next = Child(current, segments[i]);
            if (next is null && create && current is JsonObject obj)
                obj[segments[i]] = next = new JsonObject();
            current = next;
        }
        return (current, segments[^1]);
    }

    /// <summary>"ancillaryCosts[1].unit" as ["ancillaryCosts", "1", "unit"].</summary>
    private static List<string> Segments(string path) =>
        [.. path.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.')];

    private static JsonNode? Child(JsonNode node, string segment) => node switch
    {
        JsonObject obj => obj[segment],
        JsonArray array when int.TryParse(segment, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
        _ => null,
    };

    private static void Assign(JsonNode parent, string last, JsonNode? value)
    {
        if (parent is JsonArray array && int.TryParse(last, CultureInfo.InvariantCulture, out var i))
        {
            while (array.Count <= i)
                array.Add(null);
            array[i] = value;
        }
        else
        {
            parent.AsObject()[last] = value;
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
