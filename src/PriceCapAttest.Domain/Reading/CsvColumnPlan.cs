using System.Globalization;

namespace PriceCapAttest.Domain.Reading;

/// <summary>
/// The columns of a CSV header arranged as the objects of the document: <c>cargo.quantity.value</c> is field
/// <c>value</c> of section <c>quantity</c> of section <c>cargo</c>; <c>ancillaryCosts[2].unit</c> is field
/// <c>unit</c> of entry 2 of list <c>ancillaryCosts</c>; <c>fxRatesToUsd.EUR</c> is field <c>EUR</c> of section
/// <c>fxRatesToUsd</c>. Columns the mapper never asks for are simply never read.
/// </summary>
internal sealed class CsvColumnPlan
{
    private readonly List<int> _ordinals = [];

    /// <summary>Field name to column ordinal, in header order.</summary>
    public Dictionary<string, int> Fields { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, CsvColumnPlan> Sections { get; } = new(StringComparer.Ordinal);

    /// <summary>List name to its entries by the index written in the column names.</summary>
    public Dictionary<string, SortedDictionary<int, CsvColumnPlan>> Lists { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// For each version whose fields are known (as in <see cref="KnownFields.Versions"/>), the errors a row of that
    /// version gets for filling a column that names a field the version does not know, each with its columns (one
    /// error at cargo.owner in a 1.0 row for cargo.owner.country and any other column under cargo.owner).
    /// </summary>
    public List<(Results.ValidationIssue Issue, List<int> Ordinals)>[] UnknownFields { get; } =
        [.. KnownFields.Versions.Select(_ => new List<(Results.ValidationIssue, List<int>)>())];

    /// <summary>Records the error a row of version <paramref name="version"/> gets for filling the column.</summary>
    public void AddUnknownField(int version, Results.ValidationIssue issue, int ordinal)
    {
        foreach (var (known, ordinals) in UnknownFields[version])
        {
            if (known.Field == issue.Field)
            {
                ordinals.Add(ordinal);
                return;
            }
        }
        UnknownFields[version].Add((issue, [ordinal]));
    }

    /// <summary>Every column of this object and of the objects in it.</summary>
    public IReadOnlyList<int> Ordinals => _ordinals;

    /// <summary>Adds a column by its path; false when the path is already taken (a duplicate column).</summary>
    public bool TryAdd(string path, int ordinal)
    {
        var plan = this;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length - 1; i++)
        {
            plan._ordinals.Add(ordinal);
            plan = plan.Child(segments[i]);
        }
        plan._ordinals.Add(ordinal);
        return plan.Fields.TryAdd(segments[^1], ordinal);
    }

    /// <summary>The section <c>name</c>, or entry n of list <c>name[n]</c>.</summary>
    private CsvColumnPlan Child(string segment)
    {
        var open = segment.IndexOf('[', StringComparison.Ordinal);
        if (open > 0 && segment[^1] == ']'
            && int.TryParse(segment.AsSpan(open + 1, segment.Length - open - 2), NumberStyles.None,
                CultureInfo.InvariantCulture, out var index))
        {
            var name = segment[..open];
            if (!Lists.TryGetValue(name, out var entries))
                Lists[name] = entries = [];
            if (!entries.TryGetValue(index, out var entry))
                entries[index] = entry = new CsvColumnPlan();
            return entry;
        }
        if (!Sections.TryGetValue(segment, out var section))
            Sections[segment] = section = new CsvColumnPlan();
        return section;
    }
}
