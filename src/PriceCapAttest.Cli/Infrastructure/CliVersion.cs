using System.Reflection;

namespace PriceCapAttest.Cli.Infrastructure;

/// <summary>The version <c>pricecap --version</c> prints: the package version, plus the commit it was built from when known.</summary>
public static class CliVersion
{
    public static string Current { get; } =
        typeof(CliVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(CliVersion).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
