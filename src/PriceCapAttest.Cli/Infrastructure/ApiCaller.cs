namespace PriceCapAttest.Cli.Infrastructure;

/// <summary>
/// The role a command calls the API as: its name for messages and the local host's development key used when no
/// key or token is given.
/// </summary>
public sealed record ApiCaller(string Role, string DevelopmentKey)
{
    public static readonly ApiCaller Shipper = new("Shipper", "local-shipper-key");

    public static readonly ApiCaller Insurer = new("Insurer", "local-insurer-key");

    public static readonly ApiCaller Operator = new("Operator", "local-operator-key");
}
