namespace PriceCapAttest.Console.Tests.Infrastructure;

/// <summary>One principal of the local host the console tests sign in with.</summary>
public sealed record ConsolePrincipal(string Role, string PartyId, string Key)
{
    /// <summary>The name in screenshot files: the role, or the role and what sets it apart (insurer-empty).</summary>
    public string Label => Role.ToLowerInvariant();
}

/// <summary>The principals of the console tests: one per role, and an insurer without a fleet (the "may see nothing" insurer).</summary>
public static class ConsolePrincipals
{
    public static readonly ConsolePrincipal Shipper = new("Shipper", "shipper-console", "console-tests-shipper-key");
    public static readonly ConsolePrincipal Insurer = new("Insurer", "insurer-1", "console-tests-insurer-key");
    public static readonly ConsolePrincipal Regulator = new("Regulator", "EU", "console-tests-regulator-key");
    public static readonly ConsolePrincipal Operator = new("Operator", "ops", "console-tests-operator-key");
    public static readonly ConsolePrincipal EmptyInsurer = new("Insurer", "insurer-empty", "console-tests-empty-insurer-key");

    public static IReadOnlyList<ConsolePrincipal> All { get; } = [Shipper, Insurer, Regulator, Operator, EmptyInsurer];

    public static ConsolePrincipal OfRole(string role) => All.First(p => p.Role == role);
}
