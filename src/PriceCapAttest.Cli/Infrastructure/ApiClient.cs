using System.Net;
using System.Text;
using System.Text.Json;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Cli.Infrastructure;

/// <summary>
/// The pipeline's HTTP API as the commands use it (<c>submit</c>, <c>status</c>, <c>rescreen</c>, <c>alerts replay</c>): base address and key from the
/// options, else PRICECAP_API and PRICECAP_API_KEY, else the local host's defaults. A problem+json answer becomes a
/// <see cref="UsageException"/> with its detail and each invalid field; an unreachable API an <see cref="IOException"/>.
/// </summary>
public sealed class ApiClient : IDisposable
{
    public const string DefaultApi = "http://127.0.0.1:7071/api";
    public const string ApiVariable = "PRICECAP_API";
    public const string KeyVariable = "PRICECAP_API_KEY";

    private readonly HttpClient _http;

    public ApiClient(string? api, string? key, string defaultKey)
    {
        var address = (api ?? Environment.GetEnvironmentVariable(ApiVariable) ?? DefaultApi).TrimEnd('/') + "/";
        _http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Add(ApiHeaders.Key, key ?? Environment.GetEnvironmentVariable(KeyVariable) ?? defaultKey);
    }

    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>The body of a 2xx answer to GET <paramref name="path"/> (relative to the base address).</summary>
    public async Task<string> GetAsync(string path, CancellationToken cancellationToken) =>
        (await SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), notFoundIsNull: false, cancellationToken).ConfigureAwait(false))!;

    /// <summary>
    /// The body of a 2xx answer to GET <paramref name="path"/>, or null when the API answers 404 (for a receipt: not
    /// there yet).
    /// </summary>
    public Task<string?> TryGetAsync(string path, CancellationToken cancellationToken) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative)), notFoundIsNull: true, cancellationToken);

    /// <summary>The body of a 2xx answer to POST <paramref name="path"/> without a body.</summary>
    public async Task<string> PostAsync(string path, CancellationToken cancellationToken) =>
        (await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)), notFoundIsNull: false, cancellationToken).ConfigureAwait(false))!;

    /// <summary>The body of a 2xx answer to POST <paramref name="path"/> with a JSON body.</summary>
    public async Task<string> PostJsonAsync(string path, string json, CancellationToken cancellationToken) =>
        (await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative))
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        }, notFoundIsNull: false, cancellationToken).ConfigureAwait(false))!;

    public void Dispose() => _http.Dispose();

    private async Task<string?> SendAsync(HttpRequestMessage request, bool notFoundIsNull, CancellationToken cancellationToken)
    {
        using (request)
        {
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
                if (response.IsSuccessStatusCode)
                    return body;
                if (notFoundIsNull && response.StatusCode == HttpStatusCode.NotFound)
                    return null;
                throw Problem(response.StatusCode, body);
            }
        }
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
