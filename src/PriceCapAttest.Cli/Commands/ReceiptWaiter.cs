using System.Text.Json;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// Asks the API for each receipt (404 until the document is processed) until one written for this document is there:
/// not older than its sending and for the same content (a Failed receipt carries no hash). An earlier receipt of the
/// same name is not taken for this one.
/// </summary>
public static class ReceiptWaiter
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Fills <paramref name="results"/> (null where nothing was sent) until every receipt is in or <paramref name="timeout"/> ends.</summary>
    public static async Task WaitAsync(
        ApiClient api, IReadOnlyList<SentDocument?> sent, Receipt?[] results, Action<int> report,
        CancellationToken timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(sent);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(report);
        var expected = sent.Count(s => s is not null);
        while (true)
        {
            for (var i = 0; i < sent.Count; i++)
            {
                if (results[i] is null && sent[i] is { } document)
                    results[i] = await TryReadAsync(api, document, cancellationToken).ConfigureAwait(false);
            }

            var done = results.Count(r => r is not null);
            report(done);
            if (done == expected) return;
            try
            {
                await Task.Delay(PollInterval, timeout).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return; // timed out: the caller reports what is missing
            }
        }
    }

    private static async Task<Receipt?> TryReadAsync(ApiClient api, SentDocument document, CancellationToken cancellationToken)
    {
        if (await api.TryGetAsync(document.Receipt, cancellationToken).ConfigureAwait(false) is not { } body)
            return null;
        var receipt = JsonSerializer.Deserialize<Receipt>(body, ResultJson.Options);
        // The ingest-time receipt, as the receipts container holds it: re-evaluations belong to status, not to submit.
        return receipt is not null && (receipt.Status == ReceiptStatus.Failed || receipt.Sha256 == document.Sha256) &&
               (document.SentAt is not { } sentAt || receipt.ReceivedAt >= sentAt.AddSeconds(-1))
            ? receipt with { Reevaluations = null }
            : null;
    }
}
