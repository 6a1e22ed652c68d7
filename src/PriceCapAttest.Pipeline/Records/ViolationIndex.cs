using System.Globalization;
using Azure;
using Azure.Data.Tables;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Records;

/// <summary>
/// The Violations table follows the evaluations of versions: a row per violated regime, and none for a regime the
/// evaluation a re-screen replaced violated and the new one does not. Many versions are written together, as
/// transactions per regime (the partition); every write is idempotent (upsert, delete where a 404 is done), so a
/// refused transaction's rows are written one by one and a retry writes them all again.
/// </summary>
internal sealed class ViolationIndex(TableClient violations)
{
    public async Task WriteAsync(IEnumerable<AttestationVersion> versions, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var actions = versions.SelectMany(Actions).ToList();
        await PartitionedWrites.SubmitAsync(violations, actions, a => a, WriteOneAsync, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The writes that bring the rows of <paramref name="version"/> in line with its evaluation.</summary>
    internal static IEnumerable<TableTransactionAction> Actions(AttestationVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.Facts.LoadingDate is not { } loadingDate)
        {
            yield break;
        }

        foreach (var regime in version.Result.Regimes.Where(r => r.Verdict == Verdict.Violation))
        {
            yield return new TableTransactionAction(TableTransactionActionType.UpsertReplace, Entity(version, regime, loadingDate));
        }

        var row = RecordKeys.ViolationRow(loadingDate, version.ShipperId, version.AttestationId, version.Version);
        foreach (var cleared in version.PriorViolations.Except(version.ViolatedRegimes, StringComparer.Ordinal))
        {
            yield return new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(cleared, row), ETag.All);
        }
    }

    private async Task WriteOneAsync(TableTransactionAction action, CancellationToken cancellationToken)
    {
        if (action.ActionType == TableTransactionActionType.Delete)
        {
            // Removed already (a resumed run) counts as done.
            await violations.DeleteIfExistsAsync(action.Entity.PartitionKey, action.Entity.RowKey, cancellationToken).ConfigureAwait(false);
            return;
        }

        await violations.UpsertEntityAsync(action.Entity, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    internal static TableEntity Entity(AttestationVersion version, RegimeResult regime, DateOnly loadingDate)
    {
        var entity = new TableEntity(regime.Regime, RecordKeys.ViolationRow(loadingDate, version.ShipperId, version.AttestationId, version.Version))
        {
            ["Regime"] = regime.Regime,
            ["ShipperId"] = version.ShipperId,
            ["AttestationId"] = version.AttestationId,
            ["Version"] = version.Version,
            ["LoadingDate"] = loadingDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["Reasons"] = VersionEntityMapper.Json(regime.Reasons),
            ["ReceivedAt"] = version.ReceivedAt,
            ["BlobPath"] = version.BlobPath,
            ["Sha256"] = version.Sha256,
        };
        ScaledMoney.Write(entity, "CapUsdPerBbl", regime.CapUsdPerBbl);
        ScaledMoney.Write(entity, "PriceUsdPerBbl", regime.PriceUsdPerBbl);
        VersionEntityMapper.SetIfNotNull(entity, "RuleId", regime.RuleId);
        VersionEntityMapper.SetIfNotNull(entity, "Imo", version.Facts.Imo);
        VersionEntityMapper.SetIfNotNull(entity, "VesselName", version.Facts.VesselName);
        VersionEntityMapper.SetIfNotNull(entity, "ScheduleVersion", version.Result.ScheduleVersion);
        return entity;
    }
}
