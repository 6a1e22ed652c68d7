using System.Reflection;

namespace PriceCapAttest.Console.Tests.Infrastructure;

/// <summary>Paths the build wrote into this assembly's metadata.</summary>
public static class BuildInfo
{
    public static string LocalHostDll { get; } = Metadata("LocalHostDll");

    private static string Metadata(string key) =>
        typeof(BuildInfo).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().First(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"No assembly metadata {key}.");
}
