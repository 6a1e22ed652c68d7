using System.Globalization;
using System.Text;

namespace PriceCapAttest.Benchmarks.Infrastructure;

/// <summary>
/// The documents every figure is measured on: a typical crude cargo sold CIF (Urals, 100,000 bbl, freight and
/// insurance deducted to reach the FOB-equivalent price, one port lump sum, a Greek shipowner so the EU regime is
/// engaged). At 48.00 USD/bbl CIF it is Compliant; at 52.00 it breaks the cap.
/// </summary>
public static class SampleDocuments
{
    public const decimal CompliantPrice = 48.00m;
    public const decimal ViolatingPrice = 52.00m;

    /// <summary>IMO numbers with a valid check digit, spread over vessels for the indexes.</summary>
    public static string Imo(int vessel)
    {
        var first6 = 900000 + (vessel % 100000);
        var digits = first6.ToString("D6", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 6; i++)
        {
            sum += (digits[i] - '0') * (7 - i);
        }

        return digits + (sum % 10).ToString(CultureInfo.InvariantCulture);
    }

    public static string AttestationId(int n) => "ATT-BENCH-" + n.ToString("D8", CultureInfo.InvariantCulture);

    /// <summary>One attestation object (JSON, as a shipper would write it).</summary>
    public static string Json(string attestationId, string imo, decimal price = CompliantPrice, string loadingDate = "2026-03-10") =>
        $$"""
        {
          "schemaVersion": "1.0",
          "attestationId": "{{attestationId}}",
          "attestor": {
            "name": "Baltic Energy Trading SA",
            "tier": 1,
            "country": "AE",
            "signatory": "A. Meyer, Head of Compliance",
            "signedAt": "2026-03-09T09:00:00Z"
          },
          "vessel": { "imo": "{{imo}}", "name": "NORDIC STAR", "flag": "LR" },
          "voyage": {
            "loadPort": "RUPRI",
            "loadingDate": "{{loadingDate}}",
            "dischargePort": "INMUN",
            "dischargeDate": "2026-04-05",
            "stsTransfer": false
          },
          "contract": { "reference": "C-{{attestationId}}", "date": "2026-02-15" },
          "cargo": {
            "product": "crude",
            "hsCode": "2709.00",
            "grade": "Urals",
            "origin": "RU",
            "quantity": { "value": 100000, "unit": "bbl" }
          },
          "price": { "value": {{price.ToString("0.00", CultureInfo.InvariantCulture)}}, "currency": "USD", "unit": "bbl", "basis": "CIF" },
          "ancillaryCosts": [
            { "type": "freight", "value": 4.50, "currency": "USD", "unit": "bbl" },
            { "type": "insurance", "value": 0.40, "currency": "USD", "unit": "bbl" },
            { "type": "port", "value": 25000, "currency": "USD", "unit": "lumpsum", "description": "port dues at loading (never deducted)" }
          ],
          "serviceProviders": [ { "role": "shipowner", "name": "Aegean Tankers", "country": "GR" } ]
        }
        """;

    public static byte[] JsonBytes(string attestationId, string imo, decimal price = CompliantPrice) =>
        Encoding.UTF8.GetBytes(Json(attestationId, imo, price));

    /// <summary>A batch <c>{ "attestations": [ ... ] }</c> of <paramref name="count"/> attestations, one in ten violating.</summary>
    public static byte[] BatchBytes(int count)
    {
        var builder = new StringBuilder("{ \"attestations\": [\n");
        for (var i = 0; i < count; i++)
        {
            if (i > 0)
            {
                builder.Append(",\n");
            }

            builder.Append(Json(AttestationId(i), Imo(i % 500), i % 10 == 9 ? ViolatingPrice : CompliantPrice));
        }

        return Encoding.UTF8.GetBytes(builder.Append("\n] }").ToString());
    }

    /// <summary>The CSV header: column names are the JSON paths of the fields.</summary>
    public const string CsvHeader =
        "schemaVersion,attestationId,attestor.name,attestor.tier,attestor.country,attestor.signatory,attestor.signedAt," +
        "vessel.imo,vessel.name,vessel.flag,voyage.loadPort,voyage.loadingDate,voyage.dischargePort,voyage.dischargeDate,voyage.stsTransfer," +
        "contract.reference,contract.date,cargo.product,cargo.hsCode,cargo.grade,cargo.origin,cargo.quantity.value,cargo.quantity.unit," +
        "price.value,price.currency,price.unit,price.basis," +
        "ancillaryCosts[0].type,ancillaryCosts[0].value,ancillaryCosts[0].currency,ancillaryCosts[0].unit," +
        "ancillaryCosts[1].type,ancillaryCosts[1].value,ancillaryCosts[1].currency,ancillaryCosts[1].unit," +
        "serviceProviders[0].role,serviceProviders[0].name,serviceProviders[0].country";

    /// <summary>Writes a CSV of <paramref name="rows"/> attestations (one in ten violating) over <paramref name="vessels"/> IMOs; returns its size in bytes.</summary>
    public static long WriteCsv(string path, int rows, int vessels = 2000)
    {
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16);
        writer.Write(CsvHeader);
        writer.Write('\n');
        for (var i = 0; i < rows; i++)
        {
            var id = AttestationId(i);
            var price = (i % 10 == 9 ? ViolatingPrice : CompliantPrice).ToString("0.00", CultureInfo.InvariantCulture);
            var day = 10 + (i % 18);
            writer.Write(string.Create(CultureInfo.InvariantCulture,
                $"1.0,{id},Baltic Energy Trading SA,1,AE,\"Meyer, A., Head of Compliance\",2026-03-09T09:00:00Z," +
                $"{Imo(i % vessels)},NORDIC STAR,LR,RUPRI,2026-03-{day:D2},INMUN,2026-04-05,false," +
                $"C-{id},2026-02-15,crude,2709.00,Urals,RU,100000,bbl," +
                $"{price},USD,bbl,CIF," +
                $"freight,4.50,USD,bbl,insurance,0.40,USD,bbl," +
                $"shipowner,Aegean Tankers,GR\n"));
        }

        writer.Flush();
        return stream.Length;
    }
}
