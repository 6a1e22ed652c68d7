using PriceCapAttest.Testing;

namespace PriceCapAttest.Cli.Tests.Infrastructure;

/// <summary>Paths in the repository (<see cref="RepositoryRoot"/>: the folder holding PriceCapAttest.sln).</summary>
public static class RepoPaths
{
    public static string Root => RepositoryRoot.Path;

    public static string Samples => Path.Combine(Root, "samples");

    public static string Schema => Path.Combine(Root, "docs", "schema", "attestation-v1.schema.json");

    public static string Sample(string relative) => Path.Combine(Samples, relative);
}
