using Azure.Data.Tables;

namespace PriceCapAttest.Pipeline.Storage;

/// <summary>
/// The size of an entity as Table Storage counts it: 4 bytes + keys as UTF-16 + for each property 8 bytes + its
/// name as UTF-16 + its value (strings as UTF-16 plus 4, binary as length plus 4, numbers 4 or 8, and so on).
/// </summary>
public static class EntitySize
{
    public static long Estimate(ITableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        long size = 4 + (2L * (entity.PartitionKey?.Length ?? 0)) + (2L * (entity.RowKey?.Length ?? 0));
        if (entity is IDictionary<string, object> properties)
        {
            foreach (var (name, value) in properties)
            {
                if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag")
                {
                    continue;
                }

                size += 8 + (2L * name.Length) + ValueSize(value);
            }
        }
        else
        {
            foreach (var property in entity.GetType().GetProperties())
            {
                if (property.Name is "PartitionKey" or "RowKey" or "Timestamp" or "ETag" || property.GetIndexParameters().Length > 0)
                {
                    continue;
                }

                size += 8 + (2L * property.Name.Length) + ValueSize(property.GetValue(entity));
            }
        }

        return size;
    }

    private static long ValueSize(object? value) => value switch
    {
        null => 0,
        string s => 4 + (2L * s.Length),
        byte[] b => 4 + b.Length,
        BinaryData d => 4 + d.ToMemory().Length,
        bool => 1,
        int => 4,
        long or double or DateTime or DateTimeOffset => 8,
        Guid => 16,
        _ => 8,
    };
}
