namespace PriceCapAttest.Cli.Infrastructure;

/// <summary>How a command proves who it is to the API: a key (x-functions-key) or an Entra ID token for a scope.</summary>
public abstract record ApiCredentials
{
    public const string KeyVariable = "PRICECAP_API_KEY";
    public const string ScopeVariable = "PRICECAP_API_SCOPE";

    private ApiCredentials() { }

    /// <summary>
    /// An option wins over the environment; --key with --entra, or PRICECAP_API_KEY with PRICECAP_API_SCOPE and
    /// neither option, is refused. Nothing given: the caller's development key.
    /// </summary>
    /// <param name="entra">Null without --entra; "" for --entra without a scope (the scope then comes from PRICECAP_API_SCOPE).</param>
    public static ApiCredentials Resolve(string? key, string? entra, ApiCaller caller, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(environment);
        if (key is not null && entra is not null)
            throw new UsageException("Give --key or --entra, not both.");
        if (key is not null)
            return new Key(key);
        var scope = Blank(environment(ScopeVariable));
        if (entra is not null)
        {
            var chosen = Blank(entra) ?? scope;
            return chosen is not null
                ? new Token(chosen)
                : throw new UsageException($"--entra needs a scope, e.g. --entra api://CLIENT-ID/.default, or {ScopeVariable}.");
        }

        var keyFromEnvironment = Blank(environment(KeyVariable));
        return (keyFromEnvironment, scope) switch
        {
            ({ }, { }) => throw new UsageException($"{KeyVariable} and {ScopeVariable} are both set: unset one, or choose with --key or --entra."),
            ({ } k, null) => new Key(k),
            (null, { } s) => new Token(s),
            _ => new Key(caller.DevelopmentKey),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Sent as x-functions-key. Never printed.</summary>
    public sealed record Key(string Value) : ApiCredentials
    {
        public override string ToString() => "Key { Value = *** }";
    }

    /// <summary>A bearer token from DefaultAzureCredential (or the environment's credential) for <paramref name="Scope"/>.</summary>
    public sealed record Token(string Scope) : ApiCredentials;
}
