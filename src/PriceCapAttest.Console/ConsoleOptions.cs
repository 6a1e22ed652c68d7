namespace PriceCapAttest.WebConsole;

/// <summary>
/// Configuration of the console (section <c>Console</c> on the Functions app, <c>LocalHost:Console</c> on the local
/// host): how its users sign in. Without <see cref="Entra"/> settings, with the API keys of the principals.
/// </summary>
public sealed class ConsoleOptions
{
    public const string Section = "Console";

    public ConsoleEntraOptions Entra { get; set; } = new();
}

/// <summary>
/// Entra ID sign-in of the console (MSAL redirect flow): the app registration's client id, the authority
/// (https://login.microsoftonline.com/{tenant}) and the API scope whose access token is sent as a bearer token.
/// All three or none.
/// </summary>
public sealed class ConsoleEntraOptions
{
    public string? ClientId { get; set; }

    public string? Authority { get; set; }

    public string? Scope { get; set; }

    public bool IsConfigured =>
        !string.IsNullOrWhiteSpace(ClientId) || !string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(Scope);
}
