using System.Buffers;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Cli.Input;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// Which local file goes under which name. Straight to storage a file given by name keeps its file name and a file
/// found in a directory its path relative to that directory ('/' separators). Through the API a name is one segment
/// of letters, digits, '.', '_' and '-' ending in .json or .csv: a file found in a sub-directory is named by its
/// relative path with '/' turned into '_' (march/fob.json becomes march_fob.json); any other name is refused before
/// anything is sent. Two files under one name are refused too.
/// </summary>
public static class SubmitPlan
{
    private static readonly SearchValues<char> NameCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-");

    public static IReadOnlyList<PlannedUpload> ForStorage(IEnumerable<string> paths, string shipper) =>
        Unique(Expand(paths).Select(f => new PlannedUpload(f.LocalPath, shipper, f.Relative)).ToList());

    public static IReadOnlyList<PlannedUpload> ForApi(IEnumerable<string> paths)
    {
        var planned = Expand(paths).Select(f => new PlannedUpload(f.LocalPath, null, f.Relative.Replace('/', '_'))).ToList();
        var invalid = planned.Where(p => !IsApiName(p.Name)).ToList();
        if (invalid.Count > 0)
        {
            throw new UsageException("Through the API a document name may hold only letters, digits, '.', '_' and '-' and must end in .json or .csv; rename these files, or upload straight to storage (--account-url or --connection with --shipper):")
            {
                Details = [.. invalid.Select(p => $"{p.LocalPath} (as '{p.Name}')")],
            };
        }

        return Unique(planned);
    }

    public static bool IsApiName(string name) =>
        name.Length > 0 && !name.AsSpan().ContainsAnyExcept(NameCharacters) &&
        (name.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<(string LocalPath, string Relative)> Expand(IEnumerable<string> paths)
    {
        foreach (var given in paths)
        {
            var isDirectory = Directory.Exists(given);
            foreach (var file in PathExpander.Expand([given]))
                yield return (file.Path, isDirectory ? Path.GetRelativePath(given, file.Path).Replace('\\', '/') : Path.GetFileName(file.Path));
        }
    }

    private static IReadOnlyList<PlannedUpload> Unique(IReadOnlyList<PlannedUpload> planned)
    {
        var duplicate = planned.GroupBy(p => p.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null
            ? planned
            : throw new UsageException($"Two files would be uploaded as '{duplicate.Key}': {string.Join(", ", duplicate.Select(d => d.LocalPath))}.");
    }
}

/// <summary>
/// A local file and its name. Straight to storage it goes to <c>attestations/{Shipper}/{Name}</c>; through the API the
/// shipper is the caller's own (null until the API names it).
/// </summary>
public sealed record PlannedUpload(string LocalPath, string? Shipper, string Name)
{
    public string BlobName => $"{Shipper}/{Name}";

    public string BlobPath => Shipper is null ? Name : $"{ContainerNames.Attestations}/{Shipper}/{Name}";

    public string ContentType => Name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "text/csv" : "application/json";
}
