namespace PriceCapAttest.Testing;

/// <summary>The repository's root folder (the one holding PriceCapAttest.sln), found above the running assembly.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(Find);

    public static string Path => Found.Value;

    public static string File(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, "PriceCapAttest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"PriceCapAttest.sln was not found above {AppContext.BaseDirectory}.");
    }
}
