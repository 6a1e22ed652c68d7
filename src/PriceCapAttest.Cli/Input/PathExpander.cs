using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Domain.Reading;

namespace PriceCapAttest.Cli.Input;

/// <summary>
/// Turns the PATH arguments of <c>pricecap check</c> into files, in a deterministic order: the arguments in the
/// order given; inside a directory, every .json and .csv file of the tree sorted by relative path (ordinal), other
/// extensions and hidden entries skipped. A file named explicitly is always checked, even with another extension (it then yields a
/// Rejected result). Only file names are collected; contents are read later, one file at a time.
/// </summary>
public static class PathExpander
{
    /// <exception cref="UsageException">A path does not exist or a directory cannot be listed.</exception>
    public static IReadOnlyList<InputFile> Expand(IEnumerable<string> paths)
    {
        var files = new List<InputFile>();
        foreach (var given in paths)
        {
            if (File.Exists(given))
                files.Add(new InputFile(given, Normalize(given), DocumentFormats.FromFileName(given)));
            else if (Directory.Exists(given))
                files.AddRange(ExpandDirectory(given));
            else
                throw new UsageException($"No such file or directory: '{given}'.");
        }

        return files;
    }

    private static IEnumerable<InputFile> ExpandDirectory(string directory)
    {
        string[] found;
        try
        {
            var options = new EnumerationOptions
            {
                RecurseSubdirectories = true,
                IgnoreInaccessible = false, // an unreadable sub-directory is an error, not a silent skip
                MatchType = MatchType.Simple,
            };
            found = Directory.GetFiles(directory, "*", options);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"Cannot list the directory '{directory}': {e.Message}", e);
        }

        var prefix = Normalize(directory);
        if (!prefix.EndsWith('/')) prefix += "/";
        return found
            .Select(path => (Path: path, Relative: Normalize(Path.GetRelativePath(directory, path)), Format: DocumentFormats.FromFileName(path)))
            .Where(f => f.Format is not null)
            .OrderBy(f => f.Relative, StringComparer.Ordinal)
            .Select(f => new InputFile(f.Path, prefix + f.Relative, f.Format));
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
