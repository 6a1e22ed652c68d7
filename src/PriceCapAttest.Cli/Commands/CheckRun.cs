using PriceCapAttest.Cli.Input;
using PriceCapAttest.Cli.Output;
using PriceCapAttest.Domain.Results;
using Spectre.Console;

namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// Checks files one at a time, passing each result to the writer as soon as it is produced. A file that cannot
/// be opened or read is named on stderr and counted (the run ends with exit code 1); the others are still checked.
/// </summary>
public sealed class CheckRun(CheckerSet checkers, IAnsiConsole error, CancellationToken cancellationToken)
{
    public CheckSummary Summary { get; } = new();

    public void CheckFile(InputFile file, IResultWriter writer)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (file.Format is not { } format)
        {
            Emit(UnsupportedFileType(file), writer);
            Summary.FileRead();
            return;
        }

        try
        {
            using var stream = new FileStream(file.Path, FileMode.Open, FileAccess.Read, FileShare.Read,
                bufferSize: 64 * 1024, FileOptions.SequentialScan);
            foreach (var result in checkers.For(format).Check(stream, format, file.Source)) Emit(result, writer);
            Summary.FileRead();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Summary.FileUnreadable();
            error.MarkupLine($"[red]error:[/] cannot read '{Markup.Escape(file.Source)}': {Markup.Escape(e.Message)}");
        }
    }

    private void Emit(CheckResult result, IResultWriter writer)
    {
        Summary.Add(result);
        writer.Write(result);
    }

    private CheckResult UnsupportedFileType(InputFile file) => CheckResult.Rejected(
        file.Source,
        0,
        null,
        [new ValidationIssue("$", ErrorCodes.UnsupportedFileType,
            $"'{Path.GetFileName(file.Path)}' is neither a .json nor a .csv file; attestations are read from those two formats only.")],
        checkers.Schedule.Version);
}
