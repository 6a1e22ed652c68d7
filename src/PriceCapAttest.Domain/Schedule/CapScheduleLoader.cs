using System.Text.Json;
using System.Text.Json.Serialization;
using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

/// <summary>
/// Reads and checks a cap schedule. Either the whole schedule is valid and returned, or
/// <see cref="InvalidCapScheduleException"/> lists every problem: a schedule is never half loaded.
/// </summary>
public static class CapScheduleLoader
{
    /// <summary>The coalition regimes the attestation format knows.</summary>
    public static readonly IReadOnlyList<string> KnownRegimes = ["US", "EU", "GB", "CA", "JP", "AU", "NZ", "CH", "NO"];

    private const string DefaultResourceName = "PriceCapAttest.Domain.cap-schedule.json";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        ReadCommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 16,
    };

    private static readonly Lazy<CapSchedule> Default = new(() =>
    {
        using var stream = typeof(CapScheduleLoader).Assembly.GetManifestResourceStream(DefaultResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {DefaultResourceName} is missing.");
        return Load(stream);
    });

    /// <summary>The schedule shipped with this version (parsed once).</summary>
    public static CapSchedule LoadDefault() => Default.Value;

    /// <summary>The embedded default schedule as text, e.g. to seed a schedule blob or a file to edit.</summary>
    public static string DefaultJson()
    {
        using var stream = typeof(CapScheduleLoader).Assembly.GetManifestResourceStream(DefaultResourceName)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static CapSchedule Load(string json)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Load(stream);
    }

    public static CapSchedule Load(Stream json)
    {
        CapScheduleDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<CapScheduleDocument>(json, Options);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1}, position {e.BytePositionInLine + 1})" : "";
            throw new InvalidCapScheduleException([$"not a valid cap schedule document{where}: {e.Message}"]);
        }

        if (document is null)
            throw new InvalidCapScheduleException(["the document is empty (null)"]);
        return new CapScheduleBuilder(document).Build();
    }
}
