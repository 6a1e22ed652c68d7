using System.Globalization;
using System.Text;

namespace PriceCapAttest.Pipeline.Tests.Support;

/// <summary>Attestation documents for the tests (the shape of docs/attestation-format.md).</summary>
internal static class Documents
{
    public const string Imo = "9074729";

    /// <summary>
    /// A crude cargo of Russian origin loaded on <paramref name="loadingDate"/>, attestor in GR (EU) and insurer in
    /// GB, so EU and GB are engaged; at 46.00 USD/bbl FOB it breaks both 44.10 caps of 2026, at 42.10 it is Compliant.
    /// </summary>
    public static string Json(string attestationId, decimal price = 46.00m, string imo = Imo, string loadingDate = "2026-03-02") =>
        $$"""
        {
          "schemaVersion": "1.0",
          "attestationId": "{{attestationId}}",
          "attestor": { "name": "Aegean Energy Trading SA", "tier": 1, "country": "GR",
                        "signatory": "A. Meyer, Head of Compliance", "signedAt": "2026-03-01T09:00:00Z" },
          "vessel": { "imo": "{{imo}}", "name": "NORDIC STAR", "flag": "LR" },
          "voyage": { "loadPort": "RUPRI", "loadingDate": "{{loadingDate}}", "dischargePort": "INMUN",
                      "dischargeDate": "2026-03-30", "stsTransfer": false },
          "contract": { "reference": "C-2026-017", "date": "2026-02-10" },
          "cargo": { "product": "crude", "hsCode": "2709.00", "grade": "Urals", "origin": "RU",
                     "quantity": { "value": 100000, "unit": "bbl" }, "apiGravity": 31.5 },
          "price": { "value": {{price.ToString(CultureInfo.InvariantCulture)}}, "currency": "USD", "unit": "bbl", "basis": "FOB" },
          "ancillaryCosts": [],
          "serviceProviders": [ { "role": "insurer", "name": "North P&I", "country": "GB" } ]
        }
        """;

    /// <summary>The attestation of <see cref="Json"/> as one CSV row (columns named by JSON path).</summary>
    public static string Csv(string attestationId, decimal price = 46.00m, string imo = Imo, string loadingDate = "2026-03-02") =>
        "schemaVersion,attestationId,attestor.name,attestor.tier,attestor.country,attestor.signatory,attestor.signedAt," +
        "vessel.imo,vessel.name,vessel.flag,voyage.loadPort,voyage.loadingDate,voyage.dischargePort,voyage.dischargeDate," +
        "voyage.stsTransfer,contract.reference,contract.date,cargo.product,cargo.hsCode,cargo.grade,cargo.origin," +
        "cargo.quantity.value,cargo.quantity.unit,cargo.apiGravity,price.value,price.currency,price.unit,price.basis," +
        "serviceProviders[0].role,serviceProviders[0].name,serviceProviders[0].country\n" +
        $"1.0,{attestationId},Aegean Energy Trading SA,1,GR,\"A. Meyer, Head of Compliance\",2026-03-01T09:00:00Z," +
        $"{imo},NORDIC STAR,LR,RUPRI,{loadingDate},INMUN,2026-03-30,false,C-2026-017,2026-02-10,crude,2709.00,Urals,RU," +
        $"100000,bbl,31.5,{price.ToString(CultureInfo.InvariantCulture)},USD,bbl,FOB,insurer,North P&I,GB\n";

    public static string Batch(params string[] attestations) =>
        "{ \"attestations\": [" + string.Join(",", attestations) + "] }";

    public static BinaryData Bytes(string text) => BinaryData.FromBytes(Encoding.UTF8.GetBytes(text));
}
