using System.Security.Cryptography;
using System.Text.Json;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Cli.Tests.Infrastructure;

/// <summary>What the submit route and the receipts route of a stub API answer for a document.</summary>
public static class StubReceipts
{
    /// <summary>
    /// The route's 202 for <paramref name="name"/> of <paramref name="shipper"/>: Location names the receipt (with a
    /// query, so a test sees that the CLI follows it rather than building the address itself).
    /// </summary>
    public static StubApi AcceptAndProcess(this StubApi api, string shipper, string name, string file, Verdict verdict)
    {
        var location = $"/api/receipts/{shipper}/{name}?from=location";
        var accepted = $$"""{"shipperId":"{{shipper}}","name":"{{name}}","blobPath":"attestations/{{shipper}}/{{name}}","receipt":"attestation-receipts/{{shipper}}/{{name}}.json"}""";
        return api.Answer($"POST /api/attestations?name={name}", 202, accepted, location: location)
            .Answer($"GET {location}", 200, Receipt(shipper, name, file, verdict));
    }

    /// <summary>A receipt for the content of <paramref name="file"/>, received after now (the CLI sent it before).</summary>
    public static string Receipt(string shipper, string name, string file, Verdict verdict)
    {
        var receipt = new Receipt(
            $"attestations/{shipper}/{name}", shipper, name, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))), new FileInfo(file).Length,
            DateTimeOffset.UtcNow.AddMinutes(1), ReceiptStatus.Processed, "2026-09-03",
            null, [new ReceiptAttestation(0, "ATT-" + name, verdict, [], new RecordKey(shipper, "ATT-" + name, 1), true)]);
        return JsonSerializer.Serialize(receipt, ResultJson.Options);
    }
}
