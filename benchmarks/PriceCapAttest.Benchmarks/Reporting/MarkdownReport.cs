using System.Globalization;
using System.Text;

namespace PriceCapAttest.Benchmarks.Reporting;

/// <summary>The Markdown report (<c>benchmarks/results/latest.md</c>): sections of tables and notes, in run order.</summary>
public sealed class MarkdownReport
{
    private readonly StringBuilder _body = new();

    public void Section(string title, string description)
    {
        _body.Append("## ").AppendLine(title).AppendLine();
        if (description.Length > 0)
        {
            _body.AppendLine(description).AppendLine();
        }
    }

    public void Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        _body.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        _body.Append('|').AppendJoin("", header.Select(_ => "---|")).AppendLine();
        foreach (var row in rows)
        {
            _body.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        _body.AppendLine();
    }

    public void Note(string text) => _body.AppendLine(text).AppendLine();

    public string Render(string command, bool smoke, IReadOnlyList<(string Name, string Value)> machine, IReadOnlyList<(string Criterion, string Result)> acceptance)
    {
        var text = new StringBuilder();
        text.AppendLine("# PriceCapAttest benchmark report").AppendLine();
        text.Append("Taken ").Append(DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture))
            .Append(" with `").Append(command).AppendLine("`.");
        if (smoke)
        {
            text.AppendLine().AppendLine("**Smoke run**: tiny sizes and few iterations; the figures only show that the harness works.");
        }

        text.AppendLine().AppendLine("## Machine").AppendLine();
        text.AppendLine("| | |").AppendLine("|---|---|");
        foreach (var (name, value) in machine)
        {
            text.Append("| ").Append(name).Append(" | ").Append(value).AppendLine(" |");
        }

        text.AppendLine();
        text.AppendLine("## Acceptance").AppendLine();
        text.AppendLine("| Criterion | Measured |").AppendLine("|---|---|");
        foreach (var (criterion, result) in acceptance)
        {
            text.Append("| ").Append(criterion).Append(" | ").Append(result).AppendLine(" |");
        }

        text.AppendLine().Append(_body);
        return text.ToString();
    }

    public static string Number(double value, string format = "N0") =>
        double.IsNaN(value) ? "n/a" : value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ratio(double value) => double.IsNaN(value) ? "n/a" : value.ToString("0.00", CultureInfo.InvariantCulture) + "x";
}
