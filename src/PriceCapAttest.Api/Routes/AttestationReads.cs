using PriceCapAttest.Api.Security;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Pipeline.Parties;

namespace PriceCapAttest.Api.Routes;

/// <summary>
/// Who reads which attestation (docs/security.md): a shipper its own, an insurer those of the vessels in its fleet, a
/// regulator those that engage its regime, an operator any. Every read by an insurer, regulator or operator is
/// recorded in the read audit before it is answered; refused reads are not.
/// </summary>
public static class AttestationReads
{
    /// <summary>True when <paramref name="principal"/> may read <paramref name="answer"/>.</summary>
    public static async Task<bool> MayReadAsync(Principal principal, AttestationAnswer answer, FleetStore fleets, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(fleets);
        return principal.Role switch
        {
            ApiRole.Shipper => string.Equals(principal.PartyId, answer.ShipperId, StringComparison.Ordinal),
            ApiRole.Insurer => ImoNumber.TryParse(answer.Imo, out var imo) && await fleets.ContainsAsync(principal.PartyId, imo.Value, cancellationToken).ConfigureAwait(false),
            ApiRole.Regulator => answer.Regimes.Any(r => string.Equals(r.Regime, principal.PartyId, StringComparison.Ordinal)),
            ApiRole.Operator => true,
            _ => false,
        };
    }

    /// <summary>Records the read of one attestation (nothing for a shipper reading its own).</summary>
    public static async Task RecordAsync(
        ReadAudit audit, Principal principal, string shipperId, string attestationId, int? version, string route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(principal);
        if (ReaderOf(principal.Role) is { } role)
        {
            await audit.RecordAsync(new AuditedRead(role, principal.PartyId, shipperId, attestationId, version, route), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Records the read of each listed attestation, at its listed version (one transaction per shipper).</summary>
    public static async Task RecordAsync(
        ReadAudit audit, Principal principal, IEnumerable<VesselAttestation> listed, string route, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(principal);
        if (ReaderOf(principal.Role) is { } role)
        {
            await audit.RecordManyAsync(
                [.. listed.Select(item => new AuditedRead(role, principal.PartyId, item.ShipperId, item.AttestationId, item.Version, route))],
                cancellationToken).ConfigureAwait(false);
        }
    }

    private static ReaderRole? ReaderOf(ApiRole role) => role switch
    {
        ApiRole.Insurer => ReaderRole.Insurer,
        ApiRole.Regulator => ReaderRole.Regulator,
        ApiRole.Operator => ReaderRole.Operator,
        _ => null,
    };
}
