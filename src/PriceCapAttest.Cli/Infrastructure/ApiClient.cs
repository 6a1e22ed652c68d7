using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using PriceCapAttest.Cli.Commands;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Cli.Infrastructure;

/// <summary>
/// The pipeline's HTTP API as the commands use it (<c>submit</c>, <c>status</c>, <c>rescreen</c>, <c>alerts replay</c>):
/// base address from --api, else PRICECAP_API, else the local host; credentials from <see cref="ApiCredentials"/>.
/// A problem+json answer becomes a <see cref="UsageException"/> with its detail and each invalid field (401 and 403
/// with a hint); an unreachable API an <see cref="IOException"/>. Keys and tokens never appear in a message.
/// </summary>
public sealed class ApiClient : IDisposable
{
    public const string DefaultApi = "http://127.0.0.1:7071/api";
    public const string ApiVariable = "PRICECAP_API";

    private readonly HttpClient _http;
    private readonly ApiCredentials _credentials;
    private readonly ApiCaller _caller;
    private readonly Func<TokenCredential> _createCredential;
    private TokenCredential? _credential;

    public ApiClient(ApiConnectionSettings settings, ApiCaller caller, CliEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(environment);
        var address = (settings.Api ?? environment.Variable(ApiVariable) ?? DefaultApi).TrimEnd('/') + "/";
        if (!Uri.TryCreate(address, UriKind.Absolute, out var baseAddress))
            throw new UsageException($"{ApiVariable} must be an absolute URL, e.g. {DefaultApi}.");
        _credentials = ApiCredentials.Resolve(settings.Key, settings.EntraScope, caller, environment.Variable);
        if (_credentials is ApiCredentials.Token && baseAddress.Scheme != Uri.UriSchemeHttps && !baseAddress.IsLoopback)
            throw new UsageException($"An Entra ID token is only sent over https; the API address {baseAddress} is not.");
        _caller = caller;
        _createCredential = environment.CreateCredential;
        _http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>The body of a 2xx answer to GET <paramref name="path"/> (relative to the base address).</summary>
    public async Task<string> GetAsync(string path, CancellationToken cancellationToken) =>
        (await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), cancellationToken).ConfigureAwait(false)).Body;

    /// <summary>
    /// The body of a 2xx answer to GET <paramref name="address"/> (relative to the base address, or absolute on the
    /// API's own origin), or null when the API answers 404 (for a receipt: not there yet).
    /// </summary>
    public async Task<string?> TryGetAsync(Uri address, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(new HttpRequestMessage(HttpMethod.Get, address), cancellationToken, HttpStatusCode.NotFound).ConfigureAwait(false);
        return answer.Status == HttpStatusCode.NotFound ? null : answer.Body;
    }

    /// <summary>The body of a 2xx answer to POST <paramref name="path"/> without a body.</summary>
    public async Task<string> PostAsync(string path, CancellationToken cancellationToken) =>
        (await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)), cancellationToken).ConfigureAwait(false)).Body;

    /// <summary>The body of a 2xx answer to POST <paramref name="path"/> with a JSON body.</summary>
    public async Task<string> PostJsonAsync(string path, string json, CancellationToken cancellationToken) =>
        (await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        }, cancellationToken).ConfigureAwait(false)).Body;

    /// <summary>
    /// POSTs <paramref name="content"/> to <paramref name="path"/>; a 2xx answer or one of <paramref name="refusals"/>
    /// comes back as it is (the caller reports a refused document and goes on), any other answer is thrown.
    /// </summary>
    public Task<ApiAnswer> PostDocumentAsync(string path, byte[] content, string contentType, IReadOnlyCollection<HttpStatusCode> refusals, CancellationToken cancellationToken)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = body }, cancellationToken, [.. refusals]);
    }

    /// <summary>
    /// <paramref name="location"/> (a Location header) as an address on the API's own origin: credentials are never
    /// sent anywhere else.
    /// </summary>
    public Uri SameOrigin(string location)
    {
        if (Uri.TryCreate(BaseAddress, location, out var address) &&
            Uri.Compare(address, BaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0)
        {
            return address;
        }

        throw new IOException($"The API named a receipt at '{location}', which is not on the API's address {BaseAddress}; it is not followed.");
    }

    public void Dispose() => _http.Dispose();

    private async Task<ApiAnswer> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken, params HttpStatusCode[] passThrough)
    {
        using (request)
        {
            if (request.RequestUri!.IsAbsoluteUri) SameOrigin(request.RequestUri.AbsoluteUri);
            await AuthorizeAsync(request, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new IOException($"The API at {BaseAddress} is not reachable ({e.Message}). Is the pipeline running (./run.sh)?", e);
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw new IOException($"The API at {BaseAddress} did not answer in time.", e);
            }

            using (response)
            {
                var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                if (!response.IsSuccessStatusCode && !passThrough.Contains(response.StatusCode))
                    throw Refused(response.StatusCode, body);
                return new ApiAnswer(response.StatusCode, body, response.Headers.Location?.OriginalString, response.Headers.Date);
            }
        }
    }

    private async Task AuthorizeAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        switch (_credentials)
        {
            case ApiCredentials.Key key:
                request.Headers.Add(ApiHeaders.Key, key.Value);
                break;
            case ApiCredentials.Token token:
                AccessToken access;
                try
                {
                    // DefaultAzureCredential caches the token and renews it before it expires: one call per request is cheap.
                    _credential ??= _createCredential();
                    access = await _credential.GetTokenAsync(new TokenRequestContext([token.Scope]), cancellationToken).ConfigureAwait(false);
                }
                catch (AuthenticationFailedException e)
                {
                    throw new UsageException($"No Entra ID token for the scope {token.Scope}: {e.Message.Split('\n', 2)[0].Trim()}", e)
                    {
                        Details =
                        [
                            "Sign in with 'az login' (or 'azd auth login'), or run with a managed identity or AZURE_CLIENT_ID, AZURE_TENANT_ID and a secret or certificate in the environment.",
                            "The scope is the API app registration's Application ID URI followed by /.default, e.g. api://CLIENT-ID/.default.",
                        ],
                    };
                }

                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", access.Token);
                break;
        }
    }

    /// <summary>A refused request, with a hint for 401 and 403 (which the caller's credentials decide).</summary>
    private UsageException Refused(HttpStatusCode status, string body)
    {
        var problem = Problem(status, body);
        var hint = status switch
        {
            HttpStatusCode.Unauthorized => _credentials is ApiCredentials.Token
                ? "The API did not accept the Entra ID token: check the scope (--entra, " + ApiCredentials.ScopeVariable + ") and that you signed in to the right tenant."
                : "The API did not accept the key: check --key or " + ApiCredentials.KeyVariable + ".",
            HttpStatusCode.Forbidden => $"This command calls the API as {_caller.Role}: use a key of that role, or an identity assigned the {_caller.Role} app role.",
            _ => null,
        };
        return hint is null ? problem : new UsageException(problem.Message) { Details = [.. problem.Details, hint] };
    }

    /// <summary>The detail and field errors of a problem+json answer, or the status line.</summary>
    public static UsageException Problem(HttpStatusCode status, string body)
    {
        try
        {
            var problem = JsonSerializer.Deserialize<ProblemAnswer>(body, Domain.Results.ResultJson.Options);
            if (problem is { Detail.Length: > 0, Title.Length: > 0 })
            {
                // A single invalid parameter repeats the detail; list the fields only when they add something.
                var details = problem.Errors is { Count: > 0 } errors && !(errors.Count == 1 && errors[0].Message == problem.Detail)
                    ? errors.Select(e => $"{e.Field}: {e.Message}").ToList()
                    : [];
                return new UsageException($"{(int)status} {problem.Title}: {problem.Detail}") { Details = details };
            }
        }
        catch (JsonException)
        {
            // Not a problem document: fall back to the status.
        }

        return new UsageException($"The API answered {(int)status} {status}.");
    }
}

/// <summary>An answer of the API: status, body, Location and Date headers.</summary>
public sealed record ApiAnswer(HttpStatusCode Status, string Body, string? Location, DateTimeOffset? Date);
