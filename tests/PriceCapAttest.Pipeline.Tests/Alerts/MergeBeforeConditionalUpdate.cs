using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace PriceCapAttest.Pipeline.Tests.Alerts;

/// <summary>
/// A table pipeline policy that, just before the first ETag-conditional update it sees, merges
/// <paramref name="values"/> into the row being updated: another writer (the publisher's <c>QueuedAt</c> stamp, or a
/// second dispatcher starting the round) coming between a dispatcher's read of the alert row and its write.
/// </summary>
internal sealed class MergeBeforeConditionalUpdate(string connectionString, IReadOnlyDictionary<string, object> values) : HttpPipelinePolicy
{
    private int _stamped;

    public bool Merged => _stamped == 1;

    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline) =>
        throw new NotSupportedException("The alert services call the table asynchronously.");

    public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        if (message.Request.Method == RequestMethod.Put &&
            message.Request.Headers.TryGetValue("If-Match", out var etag) && etag != "*" &&
            Interlocked.Exchange(ref _stamped, 1) == 0)
        {
            var (table, partition, row) = Keys(message.Request.Uri.ToUri());
            var stamp = new TableEntity(partition, row);
            foreach (var (name, value) in values)
            {
                stamp[name] = value;
            }

            await new TableClient(connectionString, table).UpdateEntityAsync(stamp, ETag.All, TableUpdateMode.Merge).ConfigureAwait(false);
        }

        await ProcessNextAsync(message, pipeline).ConfigureAwait(false);
    }

    /// <summary>Table, PartitionKey and RowKey of <c>.../{table}(PartitionKey='...',RowKey='...')</c>.</summary>
    private static (string Table, string Partition, string Row) Keys(Uri uri)
    {
        var last = Uri.UnescapeDataString(uri.AbsolutePath.Split('/')[^1]);
        var open = last.IndexOf('(', StringComparison.Ordinal);
        var parts = last[(open + 1)..^1].Split(",RowKey=", StringSplitOptions.None);
        return (last[..open], Unquote(parts[0]["PartitionKey=".Length..]), Unquote(parts[1]));
    }

    private static string Unquote(string value) => value[1..^1].Replace("''", "'", StringComparison.Ordinal);
}
