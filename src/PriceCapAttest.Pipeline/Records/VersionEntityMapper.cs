using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using PriceCapAttest.Contracts;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Records;

/// <summary>
/// Maps <see cref="AttestationVersion"/> to the version row of the Attestations table and back. The row holds the
/// whole check result as compact JSON (<c>Result</c>, split when long; the API answers from it), and for queries
/// and inspection: the overall verdict, reasons, flags, errors (JSON arrays), schedule version, rule ids, and per
/// regime <c>{R}Verdict</c>, <c>{R}CapUsdPerBbl</c>/<c>{R}CapUsdPerBblMicros</c>,
/// <c>{R}PriceUsdPerBbl</c>/<c>{R}PriceUsdPerBblMicros</c> (money as exact string plus Int64 micro-units),
/// <c>{R}RuleId</c>, <c>{R}Reasons</c>. The current row is the same entity under its own row key, plus <c>Versions</c>.
/// </summary>
public static class VersionEntityMapper
{
    public static TableEntity ToEntity(AttestationVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var partition = RecordKeys.Attestation(version.ShipperId, version.AttestationId);
        var result = version.Result;
        var entity = new TableEntity(partition, RecordKeys.VersionRow(partition, version.Version))
        {
            ["ShipperId"] = version.ShipperId,
            ["AttestationId"] = version.AttestationId,
            ["Version"] = version.Version,
            ["Verdict"] = result.Verdict.ToString(),
            ["Reasons"] = Json(result.Reasons),
            ["Flags"] = Json(result.Flags),
            ["Errors"] = Json(result.Errors),
            ["Regimes"] = string.Join(',', result.Regimes.Select(r => r.Regime)),
            ["RuleIds"] = string.Join(',', result.Regimes.Select(r => r.RuleId).OfType<string>()),
            ["BlobPath"] = version.BlobPath,
            ["Sha256"] = version.Sha256,
            ["Source"] = result.Source,
            ["Index"] = result.Index,
            ["ReceivedAt"] = version.ReceivedAt,
            ["UploadedAt"] = version.UploadedAt,
        };
        SetIfNotNull(entity, "ScheduleVersion", result.ScheduleVersion);
        SetIfNotNull(entity, "Imo", version.Facts.Imo);
        SetIfNotNull(entity, "VesselName", version.Facts.VesselName);
        SetIfNotNull(entity, "Product", version.Facts.Product);
        SetIfNotNull(entity, "LoadingDate", version.Facts.LoadingDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        if (version.PreviousCurrentVersion is { } previous)
        {
            entity["PreviousCurrentVersion"] = previous;
        }

        if (version.AlertsPublishedAt is { } published)
        {
            entity["AlertsPublishedAt"] = published;
            entity["AlertsPublishedEvaluation"] = version.AlertsPublishedEvaluation ?? 1;
        }

        var evaluation = version.Evaluation;
        entity["Evaluation"] = evaluation.Number;
        entity["EvaluationCause"] = evaluation.Cause;
        if (evaluation.EvaluatedAt is { } evaluatedAt)
        {
            entity["EvaluatedAt"] = evaluatedAt;
        }

        SetIfNotNull(entity, "RescreenRunId", evaluation.RescreenRunId);
        if (version.PriorViolations.Count > 0)
        {
            entity["PriorViolations"] = string.Join(',', version.PriorViolations);
        }

        foreach (var regime in result.Regimes)
        {
            var r = regime.Regime;
            entity[r + "Verdict"] = regime.Verdict.ToString();
            ScaledMoney.Write(entity, r + "CapUsdPerBbl", regime.CapUsdPerBbl);
            ScaledMoney.Write(entity, r + "PriceUsdPerBbl", regime.PriceUsdPerBbl);
            SetIfNotNull(entity, r + "RuleId", regime.RuleId);
            entity[r + "Reasons"] = Json(regime.Reasons);
        }

        var json = JsonSerializer.Serialize(result, ResultJson.Compact);
        if (!LargeText.TryWrite(entity, "Result", json))
        {
            throw new InvalidOperationException(
                $"The check result of {version.ShipperId}/{version.AttestationId} is {json.Length} characters; at most {LargeText.MaxChars} can be stored.");
        }

        return entity;
    }

    /// <summary>The current row: a copy of the version's row under the <c>current</c> key, with the attestation's version count.</summary>
    public static TableEntity ToCurrentEntity(TableEntity versionRow, int versions)
    {
        ArgumentNullException.ThrowIfNull(versionRow);
        return new TableEntity(versionRow)
        {
            RowKey = RecordKeys.CurrentRow(versionRow.PartitionKey),
            ["Versions"] = versions,
        };
    }

    public static AttestationVersion FromEntity(TableEntity entity)
    {
        ArgumentNullException.ThrowIfNull(entity);
        var json = LargeText.Read(entity, "Result")
            ?? throw new InvalidOperationException($"Version row {entity.PartitionKey}/{entity.RowKey} has no Result.");
        var result = JsonSerializer.Deserialize<CheckResult>(json, ResultJson.Compact)
            ?? throw new InvalidOperationException($"Version row {entity.PartitionKey}/{entity.RowKey} has an empty Result.");
        var loadingDate = entity.GetString("LoadingDate") is { } date
            ? DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : (DateOnly?)null;
        return new AttestationVersion(
            entity.GetString("ShipperId"),
            entity.GetString("AttestationId"),
            entity.GetInt32("Version") ?? 0,
            result,
            new AttestationFacts(entity.GetString("Imo"), entity.GetString("VesselName"), loadingDate, entity.GetString("Product")),
            entity.GetString("BlobPath"),
            entity.GetString("Sha256"),
            entity.GetDateTimeOffset("ReceivedAt") ?? default,
            entity.GetDateTimeOffset("UploadedAt") ?? default,
            entity.GetInt32("PreviousCurrentVersion"),
            entity.GetDateTimeOffset("AlertsPublishedAt"))
        {
            Evaluation = EvaluationOf(entity),
            PriorViolations = entity.GetString("PriorViolations") is { Length: > 0 } prior ? prior.Split(',') : [],
            AlertsPublishedEvaluation = entity.GetInt32("AlertsPublishedEvaluation"),
        };
    }

    /// <summary>The evaluation a version or history row records (rows written before re-screening existed: the first, at ingest).</summary>
    internal static VersionEvaluation EvaluationOf(TableEntity entity) =>
        entity.GetInt32("Evaluation") is { } number
            ? new VersionEvaluation(number, entity.GetString("EvaluationCause") ?? EvaluationCauses.Ingest,
                entity.GetDateTimeOffset("EvaluatedAt"), entity.GetString("RescreenRunId"))
            : VersionEvaluation.AtIngest;

    internal static string Json<T>(T value) => JsonSerializer.Serialize(value, ResultJson.Compact);

    internal static void SetIfNotNull(TableEntity entity, string name, string? value)
    {
        if (value is not null)
        {
            entity[name] = value;
        }
    }
}
