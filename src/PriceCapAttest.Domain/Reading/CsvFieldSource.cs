using Sylvan.Data.Csv;

namespace PriceCapAttest.Domain.Reading;

/// <summary>
/// One CSV row read through <see cref="IFieldSource{TSelf}"/>, cell text parsed with <see cref="FieldParsers"/>.
/// An empty cell is an absent field; a section or list entry whose cells are all empty is absent.
/// </summary>
internal readonly struct CsvFieldSource(CsvColumnPlan plan, CsvDataReader row, string path, ReadErrors errors)
    : IFieldSource<CsvFieldSource>
{
    public string? GetString(FieldName name) =>
        plan.Fields.TryGetValue(name.Text, out var ordinal) && !Cell(ordinal).IsEmpty ? row.GetString(ordinal) : null;

    public decimal? GetDecimal(FieldName name)
    {
        if (!TryGetCell(name, out var cell))
            return null;
        switch (FieldParsers.ParseDecimal(cell, out var value))
        {
            case FieldParseStatus.Ok:
                return value;
            case FieldParseStatus.OutOfRange:
                errors.Add(ReadIssues.NumberOutOfRange(PathOf(name), cell));
                return null;
            default:
                errors.Add(ReadIssues.WrongType(PathOf(name), ReadIssues.ExpectNumber, ReadIssues.Quote(cell)));
                return null;
        }
    }

    public int? GetInteger(FieldName name)
    {
        if (!TryGetCell(name, out var cell))
            return null;
        switch (FieldParsers.ParseInteger(cell, out var value))
        {
            case FieldParseStatus.Ok:
                return value;
            case FieldParseStatus.OutOfRange:
                errors.Add(ReadIssues.NumberOutOfRange(PathOf(name), cell));
                return null;
            default:
                errors.Add(ReadIssues.WrongType(PathOf(name), ReadIssues.ExpectInteger, ReadIssues.Quote(cell)));
                return null;
        }
    }

    public bool? GetBoolean(FieldName name)
    {
        if (!TryGetCell(name, out var cell))
            return null;
        if (FieldParsers.TryParseBoolean(cell, out var value))
            return value;
        errors.Add(ReadIssues.WrongType(PathOf(name), ReadIssues.ExpectBoolean, ReadIssues.Quote(cell)));
        return null;
    }

    public DateOnly? GetDate(FieldName name)
    {
        if (!TryGetCell(name, out var cell))
            return null;
        if (FieldParsers.TryParseDate(cell, out var value))
            return value;
        errors.Add(ReadIssues.InvalidFormat(PathOf(name), ReadIssues.ExpectDate, cell.ToString()));
        return null;
    }

    public DateTimeOffset? GetInstant(FieldName name)
    {
        if (!TryGetCell(name, out var cell))
            return null;
        if (FieldParsers.TryParseInstant(cell, out var value))
            return value;
        errors.Add(ReadIssues.InvalidFormat(PathOf(name), ReadIssues.ExpectInstant, cell.ToString()));
        return null;
    }

    public bool TryGetSection(FieldName name, out CsvFieldSource section)
    {
        section = default;
        if (!plan.Sections.TryGetValue(name.Text, out var child) || !HasAnyValue(child))
            return false;
        section = new CsvFieldSource(child, row, PathOf(name), errors);
        return true;
    }

    public IReadOnlyList<T> GetList<T>(FieldName name, Func<CsvFieldSource, T> map, T unreadable)
    {
        if (!plan.Lists.TryGetValue(name.Text, out var entries))
            return [];
        List<T>? items = null;
        var listPath = PathOf(name);
        foreach (var entry in entries.Values)
        {
            if (!HasAnyValue(entry))
                continue;
            items ??= [];
            items.Add(map(new CsvFieldSource(entry, row, $"{listPath}[{items.Count}]", errors)));
        }
        return items is null ? [] : items;
    }

    public IReadOnlyDictionary<string, decimal?> GetDecimalMap(FieldName name)
    {
        var map = new Dictionary<string, decimal?>(StringComparer.Ordinal);
        if (!TryGetSection(name, out var section))
            return map;
        foreach (var (key, ordinal) in section.Plan.Fields)
        {
            if (!Cell(ordinal).IsEmpty)
                map[key] = section.GetDecimal(new FieldName(key));
        }
        return map;
    }

    private CsvColumnPlan Plan => plan;

    private string PathOf(FieldName name) => path.Length == 0 ? name.Text : $"{path}.{name.Text}";

    private bool TryGetCell(FieldName name, out ReadOnlySpan<char> cell)
    {
        cell = plan.Fields.TryGetValue(name.Text, out var ordinal) ? Cell(ordinal) : default;
        return !cell.IsEmpty;
    }

    private ReadOnlySpan<char> Cell(int ordinal) =>
        ordinal < row.RowFieldCount ? row.GetFieldSpan(ordinal) : default;

    private bool HasAnyValue(CsvColumnPlan child)
    {
        foreach (var ordinal in child.Ordinals)
        {
            if (!Cell(ordinal).IsEmpty)
                return true;
        }
        return false;
    }
}
