using System.Buffers.Binary;
using PriceCapAttest.Console.Tests.Infrastructure;
using PriceCapAttest.Testing;

namespace PriceCapAttest.Console.Tests;

/// <summary>
/// README's first screen shows the console: the image is in the README before its first section and exists as a
/// PNG. The picture is taken here, from the real console (TestResults/console/readme.png); tools/refresh-readme-screenshot.sh
/// copies it to docs/images/console.png.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class TheReadmeScreenshot(ConsoleFixture console)
{
    public const string Image = "docs/images/console.png";

    [Fact]
    public void The_readme_shows_the_console_before_its_first_section()
    {
        var lines = File.ReadAllLines(RepositoryRoot.File("README.md"));
        var firstScreen = lines.TakeWhile(line => !line.StartsWith("## ", StringComparison.Ordinal)).ToList();

        Assert.Contains(firstScreen, line => line.Contains($"]({Image})", StringComparison.Ordinal) && line.StartsWith("![", StringComparison.Ordinal));
        var png = File.ReadAllBytes(RepositoryRoot.File(Image));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal(Widths.Desktop, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
    }

    [Fact]
    public async Task The_readme_picture_is_the_attestation_page_of_an_insurer()
    {
        await using var session = await ConsoleSession.OpenAsync(console, Widths.Desktop);

        await session.SignInAsync(ConsolePrincipals.Insurer, $"attestations/{console.Sample.ShipperId}/{console.Sample.AttestationId}");
        await session.WaitForLoadedAsync();
        await session.Page.SetViewportSizeAsync(Widths.Desktop, 800);

        var file = RepositoryRoot.File("TestResults/console/readme.png");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await session.Page.ScreenshotAsync(new() { Path = file });
        Assert.True(new FileInfo(file).Length > 10_000, "the screenshot is (nearly) empty");
        session.AssertStayedLocal();
    }
}
