using System.Net;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using PriceCapAttest.Pipeline.Api;

namespace PriceCapAttest.Functions;

/// <summary>
/// The insurer and regulator API (route prefix <c>api</c> from host.json, function keys). Each route hands its
/// inputs to <see cref="PriceCapApi"/>, which the local host serves too, and writes back its answer.
/// Roles: a function key opens only its own function, so insurers get keys of the insurer functions and regulators
/// of <c>GetViolations</c> and <c>ReplayFailedAlerts</c> (docs/security.md). When App Service authentication is on, the caller's principal
/// (<see cref="ClientPrincipal.Header"/>) must also carry the function's Entra ID app role, else 403.
/// </summary>
public sealed class HttpApi(PriceCapApi api)
{
    [Function("GetAttestation")]
    public async Task<HttpResponseData> GetAttestation(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "attestations/{shipperId}/{attestationId}")] HttpRequestData request,
        string shipperId, string attestationId) =>
        await WriteAsync(request, Refusal(request, ApiRole.Insurer) ?? await api.GetAttestationAsync(
            shipperId, attestationId, request.Query["version"], Instance(request), request.FunctionContext.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    [Function("GetVesselAttestations")]
    public async Task<HttpResponseData> GetVesselAttestations(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "vessels/{imo}/attestations")] HttpRequestData request,
        string imo) =>
        await WriteAsync(request, Refusal(request, ApiRole.Insurer) ?? await api.GetVesselAttestationsAsync(
            imo, request.Query["from"], request.Query["to"], request.Query["continuationToken"], request.Query["pageSize"],
            Instance(request), request.FunctionContext.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    [Function("GetViolations")]
    public async Task<HttpResponseData> GetViolations(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "violations")] HttpRequestData request) =>
        await WriteAsync(request, Refusal(request, ApiRole.Regulator) ?? await api.GetViolationsAsync(
            request.Query["regime"], request.Query["from"], request.Query["to"], request.Query["continuationToken"], request.Query["pageSize"],
            Header(request, "Accept"), Instance(request), request.FunctionContext.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    [Function("GetReceipt")]
    public async Task<HttpResponseData> GetReceipt(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "receipts/{*blobPath}")] HttpRequestData request,
        string blobPath) =>
        await WriteAsync(request, Refusal(request, ApiRole.Insurer) ?? await api.GetReceiptAsync(
            blobPath, Instance(request), request.FunctionContext.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    [Function("GetSchedule")]
    public async Task<HttpResponseData> GetSchedule(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "schedule")] HttpRequestData request) =>
        await WriteAsync(request, Refusal(request, ApiRole.Insurer) ?? await api.GetScheduleAsync(
            request.Query["asOf"], Instance(request), request.FunctionContext.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    [Function("ReplayFailedAlerts")]
    public async Task<HttpResponseData> ReplayFailedAlerts(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "alerts/replay")] HttpRequestData request) =>
        await WriteAsync(request, Refusal(request, ApiRole.Regulator) ?? await api.ReplayFailedAlertsAsync(
            request.Query["shipperId"], request.Query["attestationId"], Instance(request), request.FunctionContext.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    [Function("GetRescreens")]
    public async Task<HttpResponseData> GetRescreens(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "rescreens")] HttpRequestData request) =>
        await WriteAsync(request, Refusal(request, ApiRole.Regulator) ?? await api.GetRescreensAsync(
            Instance(request), request.FunctionContext.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    [Function("GetRescreen")]
    public async Task<HttpResponseData> GetRescreen(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "rescreens/{runId}")] HttpRequestData request,
        string runId) =>
        await WriteAsync(request, Refusal(request, ApiRole.Regulator) ?? await api.GetRescreenAsync(
            runId, request.Query["continuationToken"], request.Query["pageSize"], Instance(request), request.FunctionContext.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    [Function("DryRunRescreen")]
    public async Task<HttpResponseData> DryRunRescreen(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "rescreens/dry-run")] HttpRequestData request) =>
        await WriteAsync(request, Refusal(request, ApiRole.Regulator) ?? await api.DryRunAsync(
            await request.ReadAsStringAsync().ConfigureAwait(false), Instance(request), request.FunctionContext.CancellationToken).ConfigureAwait(false)).ConfigureAwait(false);

    private static string Instance(HttpRequestData request) => request.Url.AbsolutePath;

    /// <summary>403 when App Service authentication passed a principal without the route's role; else null.</summary>
    private static ApiResponse? Refusal(HttpRequestData request, ApiRole role) =>
        Header(request, ClientPrincipal.Header) is { } principal && !ClientPrincipal.HasRole(principal, role)
            ? PriceCapApi.Forbidden(role, Instance(request))
            : null;

    private static string? Header(HttpRequestData request, string name) =>
        request.Headers.TryGetValues(name, out var values) ? string.Join(", ", values) : null;

    private static async Task<HttpResponseData> WriteAsync(HttpRequestData request, ApiResponse answer)
    {
        var response = request.CreateResponse((HttpStatusCode)answer.Status);
        response.Headers.Add("Content-Type", answer.ContentType);
        foreach (var (name, value) in answer.ExtraHeaders)
        {
            response.Headers.Add(name, value);
        }

        await response.WriteStringAsync(answer.Body).ConfigureAwait(false);
        return response;
    }
}
