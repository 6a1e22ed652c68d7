namespace PriceCapAttest.Console.Tests.Infrastructure;

/// <summary>The two widths every page is tried at: a phone's and a desktop's.</summary>
public static class Widths
{
    public const int Phone = 375;
    public const int Desktop = 1280;

    public static TheoryData<int> Both => [Phone, Desktop];
}
