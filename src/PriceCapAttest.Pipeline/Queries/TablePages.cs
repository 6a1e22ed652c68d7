using Azure;
using Azure.Data.Tables;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Pipeline.Queries;

/// <summary>One page of a query in one partition, with the partition-bound continuation tokens of <see cref="QueryInput"/>.</summary>
internal static class TablePages
{
    public static async Task<PagedAnswer<T>> ReadAsync<T>(
        TableClient table, string filter, string partition, string? token, int size, Func<TableEntity, T> map, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var page in table.QueryAsync<TableEntity>(filter, size, cancellationToken: cancellationToken)
                               .AsPages(token, size).ConfigureAwait(false))
            {
                return new PagedAnswer<T>([.. page.Values.Select(map)], QueryInput.EncodeToken(partition, page.ContinuationToken));
            }
        }
        catch (RequestFailedException e) when (token is not null && e.Status == 400)
        {
            // The service refused the keys inside a forged token (the filter would have kept the page in the partition).
            throw new InvalidQueryException("continuationToken", "The continuation token is not one this query gave out.");
        }

        return new PagedAnswer<T>([], null);
    }
}
