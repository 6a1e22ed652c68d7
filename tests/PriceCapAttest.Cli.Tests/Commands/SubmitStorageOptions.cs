using PriceCapAttest.Cli.Tests.Infrastructure;

namespace PriceCapAttest.Cli.Tests.Commands;

/// <summary>
/// <c>pricecap submit --account-url</c> takes only the https address of a storage account's blob service; anything
/// else exits 1 with a clear message before anything is uploaded. (Signing in with Entra ID needs a real account.)
/// </summary>
public sealed class SubmitStorageOptions
{
    [Theory]
    [InlineData("http://account.blob.core.windows.net")]
    [InlineData("not a url")]
    [InlineData("account.blob.core.windows.net")]
    [InlineData("https://account.blob.core.windows.net/attestations")]
    [InlineData("https://account.blob.core.windows.net/?sv=2024-01-01&sig=abc")]
    public async Task An_Account_Url_That_Is_Not_An_Https_Account_Address_Exits_1(string url)
    {
        var run = await InProcessCli.RunAsync(["submit", "--shipper", "demo", "--account-url", url, "--api", StubApi.Unreachable(),
            RepoPaths.Sample("json/compliant-fob.json")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--account-url must be the https address of a storage account's blob service", run.Error, StringComparison.Ordinal);
        Assert.Contains("https://ACCOUNT.blob.core.windows.net", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_Url_And_Connection_Together_Exit_1()
    {
        var run = await InProcessCli.RunAsync(["submit", "--shipper", "demo", "--account-url", "https://account.blob.core.windows.net",
            "--connection", "UseDevelopmentStorage=true", RepoPaths.Sample("json/compliant-fob.json")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Give --account-url or --connection, not both.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_Bad_Api_Address_Exits_1()
    {
        var run = await InProcessCli.RunAsync(["submit", "--api", "not a url", RepoPaths.Sample("json/compliant-fob.json")]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("--api must be an absolute URL", run.Error + run.Out, StringComparison.Ordinal);
    }
}
