namespace PriceCapAttest.Console.Tests.Infrastructure;

/// <summary>One principal of the local host the console tests sign in with.</summary>
public sealed record ConsolePrincipal(string Role, string PartyId, string Key)
{
    /// <summary>The name in screenshot files: the role, or the role and what sets it apart (insurer-empty).</summary>
    public string Label => Role.ToLowerInvariant();
}

/// <summary>
/// The principals of the console tests: one per role, an insurer without a fleet (the "may see nothing" insurer) and a
/// regulator of US (the EU regulator is the one of its role that <see cref="OfRole"/> finds).
/// </summary>
public static class ConsolePrincipals
{
    public static readonly ConsolePrincipal Shipper = new("Shipper", "shipper-console", "console-tests-shipper-key");
    public static readonly ConsolePrincipal Insurer = new("Insurer", "insurer-1", "console-tests-insurer-key");
    public static readonly ConsolePrincipal Regulator = new("Regulator", "EU", "console-tests-regulator-key");
    public static readonly ConsolePrincipal Operator = new("Operator", "ops", "console-tests-operator-key");
    public static readonly ConsolePrincipal EmptyInsurer = new("Insurer", "insurer-empty", "console-tests-empty-insurer-key");

    /// <summary>A regulator of another regime than the sample's violation (US): sees none of EU's.</summary>
    public static readonly ConsolePrincipal UsRegulator = new("Regulator", "US", "console-tests-us-regulator-key");

    public static IReadOnlyList<ConsolePrincipal> All { get; } = [Shipper, Insurer, Regulator, Operator, EmptyInsurer, UsRegulator];

    public static ConsolePrincipal OfRole(string role) => All.First(p => p.Role == role);
}
