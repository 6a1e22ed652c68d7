using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using PriceCapAttest.Cli.Infrastructure;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Cli.Commands;

/// <summary>
/// <c>submit</c> through the API: <c>POST attestations?name=NAME</c> with the document as the body (application/json
/// or text/csv). The API stores it under the caller's own shipper id and answers 202 with the receipt's address in
/// Location. A 400, 409, 413 or 415 refuses that document only (its problem and fields are shown); any other refusal
/// (401, 403...) stops the run.
/// </summary>
public static class ApiUploader
{
    private static readonly HttpStatusCode[] DocumentRefusals =
        [HttpStatusCode.BadRequest, HttpStatusCode.Conflict, HttpStatusCode.RequestEntityTooLarge, HttpStatusCode.UnsupportedMediaType];

    /// <summary>The document as the API took it, or the lines of its refusal.</summary>
    public static async Task<(SentDocument? Sent, IReadOnlyList<string>? Refusal)> SendAsync(ApiClient api, PlannedUpload upload, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(upload);
        var content = await SubmitFiles.ReadAsync(upload, cancellationToken).ConfigureAwait(false);
        var answer = await api.PostDocumentAsync("attestations?name=" + Uri.EscapeDataString(upload.Name), content, upload.ContentType, DocumentRefusals, cancellationToken)
            .ConfigureAwait(false);
        if (answer.Status is >= HttpStatusCode.BadRequest)
            return (null, Refusal(answer));

        var accepted = Read(answer.Body);
        var receipt = answer.Location is { Length: > 0 } location
            ? api.SameOrigin(location)
            : accepted is not null
                ? new Uri($"receipts/{Uri.EscapeDataString(accepted.ShipperId)}/{Uri.EscapeDataString(accepted.Name)}", UriKind.Relative)
                : throw new IOException($"The API accepted '{upload.LocalPath}' ({(int)answer.Status}) but named no receipt (no Location header).");
        var document = accepted?.BlobPath ?? upload.Name;
        return (new SentDocument(document, receipt, Convert.ToHexStringLower(SHA256.HashData(content)), answer.Date), null);
    }

    private static AcceptedDocument? Read(string body)
    {
        try
        {
            return JsonSerializer.Deserialize<AcceptedDocument>(body, ResultJson.Options) is { ShipperId.Length: > 0, Name.Length: > 0 } accepted ? accepted : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The problem's status, title and detail, then every invalid field with its message.</summary>
    private static List<string> Refusal(ApiAnswer answer)
    {
        ProblemAnswer? problem = null;
        try
        {
            problem = JsonSerializer.Deserialize<ProblemAnswer>(answer.Body, ResultJson.Options);
        }
        catch (JsonException)
        {
            // Not a problem document: the status alone.
        }

        var status = $"{(int)answer.Status} {problem?.Title ?? answer.Status.ToString()}";
        List<string> lines = [problem?.Detail is { Length: > 0 } detail ? $"{status}: {detail}" : status];
        lines.AddRange((problem?.Errors ?? []).Select(e => $"{e.Field}: {e.Message}"));
        return lines;
    }

    /// <summary>The 202 body of <c>POST attestations</c>.</summary>
    private sealed record AcceptedDocument(string ShipperId, string Name, string? BlobPath, string? Receipt);
}
