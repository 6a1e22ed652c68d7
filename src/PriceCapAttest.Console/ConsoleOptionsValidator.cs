using Microsoft.Extensions.Options;

namespace PriceCapAttest.WebConsole;

/// <summary>Start-up check of <see cref="ConsoleOptions"/>: Entra settings all three or none, a GUID client id, an https authority, a scope.</summary>
public sealed class ConsoleOptionsValidator(string section) : IValidateOptions<ConsoleOptions>
{
    public ValidateOptionsResult Validate(string? name, ConsoleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var entra = options.Entra;
        if (!entra.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (!Guid.TryParse(entra.ClientId, out _))
        {
            failures.Add($"{section}:Entra:ClientId must be the client id (a GUID) of the console's app registration.");
        }

        if (!Uri.TryCreate(entra.Authority, UriKind.Absolute, out var authority) || authority.Scheme != Uri.UriSchemeHttps || authority.Query.Length > 0)
        {
            failures.Add($"{section}:Entra:Authority must be an https URL such as https://login.microsoftonline.com/{{tenant id}}.");
        }

        if (string.IsNullOrWhiteSpace(entra.Scope) || entra.Scope.Any(char.IsWhiteSpace))
        {
            failures.Add($"{section}:Entra:Scope must be one scope of the API, such as api://{{API client id}}/.default.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
