using System.Reflection;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>Paths the build wrote into the test assembly (see the csproj): the local host program and the repository.</summary>
internal static class BuildInfo
{
    public static string LocalHostDll => Path.GetFullPath(Metadata("LocalHostDll"));

    public static string RepositoryRoot => Path.GetFullPath(Metadata("RepositoryRoot"));

    public static string RepositoryFile(string relativePath) => Path.Combine(RepositoryRoot, relativePath);

    private static string Metadata(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing.");
}
