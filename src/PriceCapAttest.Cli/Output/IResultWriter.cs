using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Cli.Output;

/// <summary>Receives results one at a time as they are produced (nothing is collected), then the summary.</summary>
public interface IResultWriter
{
    void Write(CheckResult result);

    void Complete(CheckSummary summary);
}
