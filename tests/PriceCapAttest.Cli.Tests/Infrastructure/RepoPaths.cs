namespace PriceCapAttest.Cli.Tests.Infrastructure;

/// <summary>Paths in the repository, found from the test assembly's folder (the folder holding PriceCapAttest.sln).</summary>
public static class RepoPaths
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    public static string Root => RootPath.Value;

    public static string Samples => Path.Combine(Root, "samples");

    public static string Schema => Path.Combine(Root, "docs", "schema", "attestation-v1.schema.json");

    public static string Sample(string relative) => Path.Combine(Samples, relative);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PriceCapAttest.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException($"PriceCapAttest.sln not found above {AppContext.BaseDirectory}.");
    }
}
