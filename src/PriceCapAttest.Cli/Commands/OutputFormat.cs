namespace PriceCapAttest.Cli.Commands;

/// <summary>--format of the commands: a table for people, or JSON for programs.</summary>
public enum OutputFormat
{
    Table,
    Json,
}
