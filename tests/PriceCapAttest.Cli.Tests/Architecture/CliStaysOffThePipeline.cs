using System.Xml.Linq;
using PriceCapAttest.Cli.Tests.Infrastructure;

namespace PriceCapAttest.Cli.Tests.Architecture;

/// <summary>
/// The CLI talks to a deployed pipeline through the HTTP API and blob storage only: it references Domain and
/// Contracts, never the Pipeline project (its storage layout and Azure Table code).
/// </summary>
public sealed class CliStaysOffThePipeline
{
    [Fact]
    public void The_Cli_Assembly_Does_Not_Reference_The_Pipeline()
    {
        var references = typeof(CliApp).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("PriceCapAttest.Pipeline", references);
        Assert.Contains("PriceCapAttest.Contracts", references);
    }

    [Fact]
    public void The_Cli_Project_References_Only_Domain_And_Contracts()
    {
        var project = XDocument.Load(Path.Combine(RepoPaths.Root, "src", "PriceCapAttest.Cli", "PriceCapAttest.Cli.csproj"));
        var references = project.Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(["PriceCapAttest.Contracts", "PriceCapAttest.Domain"], references);
    }
}
