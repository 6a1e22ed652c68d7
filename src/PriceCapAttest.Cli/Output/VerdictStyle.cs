using PriceCapAttest.Domain.Results;
using Spectre.Console;

namespace PriceCapAttest.Cli.Output;

/// <summary>The colour of each verdict in tables and summaries.</summary>
public static class VerdictStyle
{
    public static string Colour(Verdict verdict) => verdict switch
    {
        Verdict.Compliant => "green",
        Verdict.Exempt => "blue",
        Verdict.NeedsReview => "yellow",
        Verdict.Violation => "red",
        _ => "magenta",
    };

    public static string Markup(Verdict verdict) => $"[{Colour(verdict)}]{verdict}[/]";

    public static string Markup(Verdict verdict, string text) => $"[{Colour(verdict)}]{Spectre.Console.Markup.Escape(text)}[/]";
}
