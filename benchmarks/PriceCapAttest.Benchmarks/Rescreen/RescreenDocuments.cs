using System.Globalization;
using System.Text;
using PriceCapAttest.Benchmarks.Infrastructure;

namespace PriceCapAttest.Benchmarks.Rescreen;

/// <summary>
/// The CSV documents of the re-screening section: crude of Russian origin sold FOB (no deductions), attestor in GR
/// and insurer in GB so the EU and GB regimes are both engaged, loaded between 2026-07-16 and 2026-11-30 (after the
/// July 2026 review, where the embedded schedule leaves both crude caps unconfirmed: NeedsReview above 44.10).
/// Even rows are priced 46.00 USD/bbl, odd rows 48.00: under a corrected cap of 47.00 half become Compliant and half
/// a Violation. Distinct attestation ids, 2,000 vessels, signed the day of the review (before every loading).
/// </summary>
public static class RescreenDocuments
{
    public const decimal BelowCorrectedCap = 46.00m;
    public const decimal AboveCorrectedCap = 48.00m;
    private static readonly DateOnly FirstLoading = new(2026, 7, 16);
    private static readonly int LoadingDays = new DateOnly(2026, 11, 30).DayNumber - FirstLoading.DayNumber + 1;

    public const string CsvHeader =
        "schemaVersion,attestationId,attestor.name,attestor.tier,attestor.country,attestor.signatory,attestor.signedAt," +
        "vessel.imo,vessel.name,vessel.flag,voyage.loadPort,voyage.loadingDate,voyage.dischargePort,voyage.dischargeDate," +
        "voyage.stsTransfer,contract.reference,contract.date,cargo.product,cargo.hsCode,cargo.grade,cargo.origin," +
        "cargo.quantity.value,cargo.quantity.unit,cargo.apiGravity,price.value,price.currency,price.unit,price.basis," +
        "serviceProviders[0].role,serviceProviders[0].name,serviceProviders[0].country";

    public static string AttestationId(int n) => "ATT-RESCREEN-" + n.ToString("D8", CultureInfo.InvariantCulture);

    public static decimal Price(int n) => n % 2 == 0 ? BelowCorrectedCap : AboveCorrectedCap;

    public static DateOnly LoadingDate(int n) => FirstLoading.AddDays(n % LoadingDays);

    /// <summary>Rows <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> - 1 as one CSV document.</summary>
    public static byte[] Csv(int first, int count)
    {
        var builder = new StringBuilder(CsvHeader).Append('\n');
        for (var n = first; n < first + count; n++)
        {
            var id = AttestationId(n);
            var loading = LoadingDate(n);
            builder.Append(string.Create(CultureInfo.InvariantCulture,
                $"1.0,{id},Aegean Energy Trading SA,1,GR,\"A. Meyer, Head of Compliance\",2026-07-15T09:00:00Z," +
                $"{SampleDocuments.Imo(n % 2000)},NORDIC STAR,LR,RUPRI,{loading:yyyy-MM-dd},INMUN,{loading.AddDays(30):yyyy-MM-dd}," +
                $"false,C-{id},2026-06-10,crude,2709.00,Urals,RU,100000,bbl,31.5,{Price(n):0.00},USD,bbl,FOB,insurer,North P&I,GB\n"));
        }

        return Encoding.UTF8.GetBytes(builder.ToString());
    }
}
