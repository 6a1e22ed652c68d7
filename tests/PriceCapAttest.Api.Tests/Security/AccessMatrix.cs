using System.Text;
using PriceCapAttest.Api.Routes;
using PriceCapAttest.Api.Security;
using PriceCapAttest.Api.Tests.Infrastructure;

namespace PriceCapAttest.Api.Tests.Security;

/// <summary>
/// The expected status of every keyed route for each role, called by a principal of the party the sample belongs to
/// (own) and by one of another party of the same role (other). docs/security.md holds this table as rendered by
/// <see cref="Markdown"/>, so the documentation and the test cannot drift apart.
/// </summary>
public static class AccessMatrix
{
    /// <summary>Own and other principal of each role: key and party.</summary>
    public static readonly IReadOnlyDictionary<ApiRole, ((string Key, string Party) Own, (string Key, string Party) Other)> Principals =
        new Dictionary<ApiRole, ((string, string), (string, string))>
        {
            [ApiRole.Shipper] = ((LocalPipelineFixture.ShipperKey, "the sample's shipper"), (LocalPipelineFixture.SecondShipperKey, "another shipper")),
            [ApiRole.Insurer] = ((LocalPipelineFixture.InsurerKey, "insurer-1, the sample's vessel in its fleet"), (LocalPipelineFixture.SecondInsurerKey, "insurer-2, an empty fleet")),
            [ApiRole.Regulator] = ((LocalPipelineFixture.RegulatorKey, "EU, engaged by the sample"), (LocalPipelineFixture.GbRegulatorKey, "GB, not engaged")),
            [ApiRole.Operator] = ((LocalPipelineFixture.OperatorKey, "ops"), (LocalPipelineFixture.SecondOperatorKey, "ops-2")),
        };

    /// <summary>Route name → (own, other) status per role, in the order Shipper, Insurer, Regulator, Operator.</summary>
    public static readonly IReadOnlyList<(string Route, (int Own, int Other)[] Statuses)> Rows =
    [
        (RouteNames.GetAttestation, [(200, 404), (200, 404), (200, 404), (200, 200)]),
        (RouteNames.GetVesselAttestations, [(403, 403), (200, 403), (403, 403), (200, 200)]),
        (RouteNames.GetReceipt, [(200, 404), (403, 403), (403, 403), (200, 200)]),
        (RouteNames.UploadAttestation, [(202, 202), (403, 403), (403, 403), (403, 403)]),
        (RouteNames.PutFleet, [(403, 403), (200, 200), (403, 403), (403, 403)]),
        (RouteNames.GetFleet, [(403, 403), (200, 200), (403, 403), (403, 403)]),
        (RouteNames.GetAudit, [(200, 200), (403, 403), (403, 403), (403, 403)]),
        (RouteNames.GetViolations, [(403, 403), (403, 403), (200, 403), (200, 200)]),
        (RouteNames.GetSchedule, [(200, 200), (200, 200), (200, 200), (200, 200)]),
        (RouteNames.ReplayFailedAlerts, [(403, 403), (403, 403), (403, 403), (200, 200)]),
        (RouteNames.GetRescreens, [(403, 403), (403, 403), (403, 403), (200, 200)]),
        (RouteNames.GetRescreen, [(403, 403), (403, 403), (403, 403), (404, 404)]),
        (RouteNames.DryRunRescreen, [(403, 403), (403, 403), (403, 403), (200, 200)]),
        (RouteNames.GetMe, [(200, 200), (200, 200), (200, 200), (200, 200)]),
    ];

    /// <summary>The request of a route in the matrix: the path under /api (sample placeholders) and the body.</summary>
    public static (string Path, string? Body) Request(ApiRoute route, bool own)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Name switch
        {
            RouteNames.GetAttestation => ("attestations/{shipperId}/{attestationId}", null),
            RouteNames.GetVesselAttestations => ($"vessels/{LocalPipelineFixture.SampleImo}/attestations", null),
            RouteNames.GetReceipt => ("receipts/{blobPath}", null),
            // A document the ingest refuses: stored under the caller's id, no attestation recorded.
            RouteNames.UploadAttestation => ("attestations?name=access-matrix.json", "{}"),
            // Each insurer's fleet as it is: insurer-1 the sample's vessel, insurer-2 none.
            RouteNames.PutFleet => ("fleet", own ? $$"""{"imos":["{{LocalPipelineFixture.SampleImo}}"]}""" : """{"imos":[]}"""),
            RouteNames.GetViolations => ("violations?regime=EU", null),
            RouteNames.GetRescreen => ("rescreens/20261201T090000000Z-00000000", null),
            RouteNames.DryRunRescreen => ("rescreens/dry-run", PriceCapAttest.Domain.Schedule.CapScheduleLoader.DefaultJson()),
            _ => (route.Pattern, null),
        };
    }

    /// <summary>The table as docs/security.md shows it.</summary>
    public static string Markdown()
    {
        var roles = Enum.GetValues<ApiRole>();
        var text = new StringBuilder();
        text.Append("| Route |").AppendJoin("", roles.Select(r => $" {r} own / other |")).Append('\n');
        text.Append("|---|").AppendJoin("", roles.Select(_ => "---|")).Append('\n');
        foreach (var (name, statuses) in Rows)
        {
            var route = ApiRoutes.Named(name);
            text.Append($"| `{route.Method} {ApiRoutes.Prefix}/{route.Pattern}` |")
                .AppendJoin("", statuses.Select(s => $" {s.Own} / {s.Other} |")).Append('\n');
        }

        text.Append('\n').Append("Own and other principal of each role: ")
            .AppendJoin("; ", roles.Select(r => $"{r}: {Principals[r].Own.Party} / {Principals[r].Other.Party}")).Append('.');
        return text.ToString();
    }
}
