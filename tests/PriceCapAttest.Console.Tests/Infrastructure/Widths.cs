namespace PriceCapAttest.Console.Tests.Infrastructure;

/// <summary>The two widths every page is tried at: a phone's and a desktop's.</summary>
public static class Widths
{
    public const int Phone = 375;
    public const int Desktop = 1280;

    public static TheoryData<int> Both => [Phone, Desktop];

    /// <summary>Each role of <paramref name="roles"/> (comma-separated, e.g. "Insurer,Operator") at both widths.</summary>
    public static TheoryData<string, int> ForRoles(string roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var data = new TheoryData<string, int>();
        foreach (var role in roles.Split(','))
        {
            data.Add(role, Phone);
            data.Add(role, Desktop);
        }

        return data;
    }
}
