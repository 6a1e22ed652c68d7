using System.Text.Json.Serialization;

namespace PriceCapAttest.WebConsole;

/// <summary>
/// GET /console/config.json: how the console signs in. <see cref="Mode"/> <c>keys</c> (a principal's API key typed
/// in) or <c>entra</c> with the MSAL settings; never a secret.
/// </summary>
public sealed record ConsoleConfigAnswer(
    string Mode,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ClientId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Authority,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Scope)
{
    public const string Keys = "keys";
    public const string Entra = "entra";

    public static ConsoleConfigAnswer Of(ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var entra = options.Entra;
        return entra.IsConfigured ? new(Entra, entra.ClientId, entra.Authority!.TrimEnd('/'), entra.Scope) : new(Keys, null, null, null);
    }
}
