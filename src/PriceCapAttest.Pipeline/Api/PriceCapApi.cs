using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Domain.Schedule;
using PriceCapAttest.Pipeline.Queries;
using PriceCapAttest.Pipeline.Rescreening;

namespace PriceCapAttest.Pipeline.Api;

/// <summary>
/// The HTTP API, free of any web framework: each method takes the route values, query strings and headers of one
/// route as strings and returns the full answer. The Functions app and the local host only map requests onto it,
/// so both answer the same bytes. 200 is JSON (ResultJson spelling); bad input is 400 and something unknown 404,
/// both RFC 9457 problem+json; a fault of the server is 500 problem+json (logged, details not shown).
/// </summary>
public sealed partial class PriceCapApi(
    AttestationQueryService queries,
    ScheduleQueryService schedule,
    FailedAlertReplayer replayer,
    RescreenRunStore rescreens,
    RescreenDryRun dryRun,
    ILogger<PriceCapApi> logger)
{
    /// <summary>The largest proposed schedule a dry run reads (the embedded one is about 60 KB).</summary>
    public const int MaxScheduleChars = 1024 * 1024;

    /// <summary>At most this many rows go into one CSV export; a longer one ends with a continuation header.</summary>
    public const int MaxCsvRows = 10_000;

    /// <summary><c>GET attestations/{shipperId}/{attestationId}?version=N</c></summary>
    public Task<ApiResponse> GetAttestationAsync(
        string shipperId, string attestationId, string? version, string instance, CancellationToken cancellationToken) =>
        AnswerAsync(instance, async () =>
        {
            var number = OptionalInt(version, "version");
            var answer = await queries.GetAttestationAsync(shipperId, attestationId, number, cancellationToken).ConfigureAwait(false);
            return answer is null
                ? ProblemDetails.NotFound(number is null
                    ? $"No attestation '{attestationId}' of shipper '{shipperId}' is recorded."
                    : $"Attestation '{attestationId}' of shipper '{shipperId}' has no version {number}.", instance).ToResponse()
                : Json(answer);
        });

    /// <summary><c>GET vessels/{imo}/attestations?from=&amp;to=&amp;continuationToken=&amp;pageSize=</c></summary>
    public Task<ApiResponse> GetVesselAttestationsAsync(
        string imo, string? from, string? to, string? continuationToken, string? pageSize, string instance, CancellationToken cancellationToken) =>
        AnswerAsync(instance, async () => Json(await queries.ListVesselAttestationsAsync(
            imo, from, to, Blank(continuationToken), OptionalInt(pageSize, "pageSize"), cancellationToken).ConfigureAwait(false)));

    /// <summary>
    /// <c>GET violations?regime=EU&amp;from=&amp;to=&amp;continuationToken=&amp;pageSize=</c>: one JSON page, or with
    /// <c>Accept: text/csv</c> a CSV of all rows (up to <see cref="MaxCsvRows"/>; then the continuation header).
    /// </summary>
    public Task<ApiResponse> GetViolationsAsync(
        string? regime, string? from, string? to, string? continuationToken, string? pageSize, string? accept, string instance,
        CancellationToken cancellationToken) =>
        AnswerAsync(instance, async () =>
        {
            if (string.IsNullOrWhiteSpace(regime))
            {
                throw new InvalidQueryException("regime", "The query parameter 'regime' is required (US, EU, GB, CA, JP, AU, NZ, CH or NO).");
            }

            var size = OptionalInt(pageSize, "pageSize");
            if (!WantsCsv(accept))
            {
                return Json(await queries.ListViolationsAsync(regime, from, to, Blank(continuationToken), cancellationToken, size).ConfigureAwait(false));
            }

            var rows = new List<ViolationAnswer>();
            var token = Blank(continuationToken);
            do
            {
                var page = await queries.ListViolationsAsync(regime, from, to, token, cancellationToken, size ?? QueryInput.MaxPageSize).ConfigureAwait(false);
                rows.AddRange(page.Items);
                token = page.ContinuationToken;
            }
            while (token is not null && rows.Count < MaxCsvRows);

            var headers = token is null ? null : new Dictionary<string, string> { [ApiHeaders.ContinuationToken] = token };
            return new ApiResponse(200, ApiContentTypes.Csv, ViolationCsvWriter.ToCsv(rows), headers);
        });

    /// <summary><c>GET receipts/{*blobPath}</c>: the receipt of one uploaded document.</summary>
    public Task<ApiResponse> GetReceiptAsync(string blobPath, string instance, CancellationToken cancellationToken) =>
        AnswerAsync(instance, async () =>
        {
            var receipt = await queries.GetReceiptAsync(blobPath, cancellationToken).ConfigureAwait(false);
            return receipt is null
                ? ProblemDetails.NotFound($"No receipt for '{blobPath}' yet: the document is unknown or still being processed.", instance).ToResponse()
                : Json(receipt);
        });

    /// <summary><c>GET schedule?asOf=DATE</c>: the caps in force on a loading date (today when absent).</summary>
    public Task<ApiResponse> GetScheduleAsync(string? asOf, string instance, CancellationToken cancellationToken) =>
        AnswerAsync(instance, async () => Json(await schedule.GetScheduleAsync(Blank(asOf), cancellationToken).ConfigureAwait(false)));

    /// <summary>
    /// <c>POST alerts/replay?shipperId=&amp;attestationId=</c>: queues the Failed alerts of one attestation again, or
    /// with neither id those of every attestation (as <c>pricecap alerts replay</c>). The two ids go together.
    /// </summary>
    public Task<ApiResponse> ReplayFailedAlertsAsync(
        string? shipperId, string? attestationId, string instance, CancellationToken cancellationToken) =>
        AnswerAsync(instance, async () =>
        {
            var shipper = Blank(shipperId);
            var attestation = Blank(attestationId);
            if (shipper is null != attestation is null)
            {
                var missing = shipper is null ? "shipperId" : "attestationId";
                throw new InvalidQueryException(missing, $"'{missing}' is required with '{(shipper is null ? "attestationId" : "shipperId")}': give both ids, or neither to replay every Failed alert.");
            }

            if (shipper is not null)
            {
                QueryInput.Id(shipper, "shipperId");
                QueryInput.Id(attestation, "attestationId");
            }

            var replayed = await replayer.ReplayFailedAsync(shipper, attestation, cancellationToken).ConfigureAwait(false);
            return Json(new AlertReplayAnswer(replayed));
        });

    /// <summary><c>GET rescreens</c>: every re-screening run, newest first, with its status and progress.</summary>
    public Task<ApiResponse> GetRescreensAsync(string instance, CancellationToken cancellationToken) =>
        AnswerAsync(instance, async () => Json(new RescreenRunsAnswer(await rescreens.ListRunsAsync(cancellationToken).ConfigureAwait(false))));

    /// <summary><c>GET rescreens/{runId}?continuationToken=&amp;pageSize=</c>: one run and a page of the attestations it changed.</summary>
    public Task<ApiResponse> GetRescreenAsync(
        string runId, string? continuationToken, string? pageSize, string instance, CancellationToken cancellationToken) =>
        AnswerAsync(instance, async () =>
        {
            QueryInput.Id(runId, "runId");
            var size = QueryInput.PageSize(OptionalInt(pageSize, "pageSize"));
            if (await rescreens.GetRunAsync(runId, cancellationToken).ConfigureAwait(false) is not { } run)
            {
                return ProblemDetails.NotFound($"No re-screening run '{runId}'.", instance).ToResponse();
            }

            var (items, next) = await rescreens.ListChangesAsync(runId, Blank(continuationToken), size, cancellationToken).ConfigureAwait(false);
            return Json(new RescreenRunAnswer(run, new PagedAnswer<RescreenChange>(items, next)));
        });

    /// <summary>
    /// <c>POST rescreens/dry-run</c> with a proposed cap schedule as the body: what publishing it would change,
    /// writing nothing. A schedule the pipeline would refuse is 400 with every problem.
    /// </summary>
    public Task<ApiResponse> DryRunAsync(string? body, string instance, CancellationToken cancellationToken) =>
        AnswerAsync(instance, async () =>
        {
            if (string.IsNullOrWhiteSpace(body))
            {
                throw new InvalidQueryException("body", "Send the proposed cap schedule (JSON) as the request body.");
            }

            if (body.Length > MaxScheduleChars)
            {
                throw new InvalidQueryException("body", $"The schedule is {body.Length} characters; at most {MaxScheduleChars} are read.");
            }

            try
            {
                return Json(await dryRun.RunAsync(body, cancellationToken).ConfigureAwait(false));
            }
            catch (InvalidCapScheduleException e)
            {
                return new ProblemDetails(ProblemTypes.InvalidParameter, "Invalid cap schedule", 400,
                    $"The proposed schedule would be refused: {e.Problems.Count} problem(s).", instance,
                    [.. e.Problems.Select(p => new FieldError("body", p))]).ToResponse();
            }
        });

    /// <summary>The answer to a request without a valid key.</summary>
    public static ApiResponse Unauthorized(string instance) => ProblemDetails.Unauthorized(instance).ToResponse();

    /// <summary>The answer to a valid key (or principal) of another role than the route's.</summary>
    public static ApiResponse Forbidden(ApiRole required, string instance) => ProblemDetails.Forbidden(required, instance).ToResponse();

    /// <summary>The answer to a path that is no route of the API.</summary>
    public static ApiResponse RouteNotFound(string instance) =>
        ProblemDetails.NotFound($"'{instance}' is not a route of this API; see docs/openapi.json.", instance).ToResponse();

    /// <summary>True when the Accept header prefers text/csv over JSON.</summary>
    public static bool WantsCsv(string? accept)
    {
        if (string.IsNullOrWhiteSpace(accept))
        {
            return false;
        }

        double csv = 0, json = 0;
        foreach (var part in accept.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!MediaTypeWithQualityHeaderValue.TryParse(part, out var media) || media.MediaType is null)
            {
                continue;
            }

            var quality = media.Quality ?? 1.0;
            if (string.Equals(media.MediaType, "text/csv", StringComparison.OrdinalIgnoreCase))
            {
                csv = Math.Max(csv, quality);
            }
            else if (media.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
                     media.MediaType.Equals("application/problem+json", StringComparison.OrdinalIgnoreCase))
            {
                json = Math.Max(json, quality);
            }
        }

        return csv > 0 && csv > json;
    }

    private async Task<ApiResponse> AnswerAsync(string instance, Func<Task<ApiResponse>> answer)
    {
        try
        {
            return await answer().ConfigureAwait(false);
        }
        catch (InvalidQueryException e)
        {
            return ProblemDetails.InvalidParameter(e.Field, e.Message, instance).ToResponse();
        }
        catch (OperationCanceledException)
        {
            throw;
        }
#pragma warning disable CA1031 // Any other fault is the server's: a problem answer, logged with its details.
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogFault(logger, instance, e);
            return ProblemDetails.Internal(instance).ToResponse();
        }
    }

    private static ApiResponse Json<T>(T value) => new(200, ApiContentTypes.Json, JsonSerializer.Serialize(value, ResultJson.Options));

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static int? OptionalInt(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InvalidQueryException(field, $"'{field}' must be a whole number, not '{value}'.");
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "API request {Instance} failed")]
    private static partial void LogFault(ILogger logger, string instance, Exception exception);
}
