using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

/// <summary>
/// What differs between two cap schedules, and which cargoes each difference can affect: enough to know which
/// results to reach again after a schedule update. Conservative (no cargo whose result could change is left out)
/// but not wider than the evaluation needs: texts that no result carries (sources, instruments, notes, names, the
/// version) make no difference. Pure.
/// </summary>
public static class ScheduleDiff
{
    public static IReadOnlyList<ScheduleChange> Between(CapSchedule older, CapSchedule newer)
    {
        ArgumentNullException.ThrowIfNull(older);
        ArgumentNullException.ThrowIfNull(newer);
        var changes = new List<ScheduleChange>();
        Regimes(older, newer, changes);
        PeriodChanges.Add(older, newer, changes);
        Licences(older, newer, changes);
        Factors(older, newer, changes);
        return [.. changes.Distinct()
            .OrderBy(c => c.Kind)
            .ThenBy(c => c.Regime, StringComparer.Ordinal)
            .ThenBy(c => c.Category is { } category ? (int)category : -1)
            .ThenBy(c => c.From)
            .ThenBy(c => c.Subject, StringComparer.Ordinal)
            .ThenBy(c => c.To)
            .ThenBy(c => c.Description, StringComparer.Ordinal)];
    }

    private static void Regimes(CapSchedule older, CapSchedule newer, List<ScheduleChange> changes)
    {
        var a = older.Regimes.ToDictionary(r => r.Code, StringComparer.Ordinal);
        var b = newer.Regimes.ToDictionary(r => r.Code, StringComparer.Ordinal);
        foreach (var code in a.Keys.Union(b.Keys, StringComparer.Ordinal))
        {
            // Any cargo may engage a regime added, or no longer engage one removed.
            if (!b.TryGetValue(code, out var now)) changes.Add(Everywhere(ScheduleChangeKind.Regime, code, null, $"regime {code} removed"));
            else if (!a.TryGetValue(code, out var before)) changes.Add(Everywhere(ScheduleChangeKind.Regime, code, null, $"regime {code} added"));
            else
            {
                var added = now.Countries.Except(before.Countries, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                var removed = before.Countries.Except(now.Countries, StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
                if (added.Count + removed.Count > 0)
                {
                    var parts = new List<string>(2);
                    if (added.Count > 0) parts.Add("added " + string.Join(", ", added));
                    if (removed.Count > 0) parts.Add("removed " + string.Join(", ", removed));
                    changes.Add(Everywhere(ScheduleChangeKind.Countries, code, null, $"{code} countries: {string.Join("; ", parts)}"));
                }

                if ((before.ExportScope is null) != (now.ExportScope is null))
                {
                    changes.Add(Everywhere(ScheduleChangeKind.ExportScope, code, code,
                        $"{code} covers oil exported from Russia: {YesNo(before.ExportScope is not null)} -> {YesNo(now.ExportScope is not null)}"));
                }
            }
        }

        // Results list regimes of the same verdict in the schedule's order.
        foreach (var code in Moved(older.Regimes.Select(r => r.Code), newer.Regimes.Select(r => r.Code)))
            changes.Add(Everywhere(ScheduleChangeKind.Regime, code, code, $"regime {code}: its place in the schedule's order changed"));
    }

    private static void Licences(CapSchedule older, CapSchedule newer, List<ScheduleChange> changes)
    {
        var a = older.Licences.ToDictionary(l => l.Id, StringComparer.Ordinal);
        var b = newer.Licences.ToDictionary(l => l.Id, StringComparer.Ordinal);
        foreach (var id in a.Keys.Union(b.Keys, StringComparer.Ordinal))
        {
            var before = a.GetValueOrDefault(id);
            var now = b.GetValueOrDefault(id);
            if (before is null) changes.Add(LicenceChange(id, [now!], Window(now!), $"licence {id} added ({now!.Regime}, {now.Kind}{WindowText(now)})"));
            else if (now is null) changes.Add(LicenceChange(id, [before], Window(before), $"licence {id} removed ({before.Regime}, {before.Kind}{WindowText(before)})"));
            else if (LicenceParts(before, now) is { Count: > 0 } parts)
            {
                var text = $"licence {id}: {string.Join("; ", parts)}";
                foreach (var window in Affected(before, now))
                    changes.Add(LicenceChange(id, [before, now], window, text));
            }
        }

        // The first licence a cargo meets is the one applied: reordering a regime's licences can change which.
        foreach (var regime in newer.Regimes.Select(r => r.Code))
        {
            var moved = Moved(older.LicencesOf(regime).Select(l => l.Id), newer.LicencesOf(regime).Select(l => l.Id));
            foreach (var id in moved.Where(a.ContainsKey))
            {
                var window = Hull(Window(a[id]), Window(b[id]));
                changes.Add(LicenceChange(id, [a[id], b[id]], window, $"licence {id}: its place among the {regime} licences changed"));
            }
        }
    }

    private static List<string> LicenceParts(Licence a, Licence b)
    {
        var parts = new List<string>();
        Part("regime", a.Regime, b.Regime);
        Part("kind", a.Kind, b.Kind);
        Part("categories", Set(a.Categories.Select(c => c.ToScheduleName())), Set(b.Categories.Select(c => c.ToScheduleName())));
        Part("products", Set(a.Products), Set(b.Products));
        Part("loaded from", Date(a.LoadedFrom), Date(b.LoadedFrom));
        Part("loaded before", Date(a.LoadedBefore), Date(b.LoadedBefore));
        Part("discharged by", Date(a.DischargedBy), Date(b.DischargedBy));
        Part("discharge countries", Set(a.DischargeCountries), Set(b.DischargeCountries));
        Part("claim required", YesNo(a.ClaimRequired), YesNo(b.ClaimRequired));
        Part("references", Set(a.References), Set(b.References));
        Part("status", Status(a.Confirmed), Status(b.Confirmed));
        return parts;

        void Part(string name, string before, string now)
        {
            if (before != now) parts.Add($"{name} {before} -> {now}");
        }

        static string Set(IEnumerable<string> values) => values.Any() ? string.Join(", ", values.Distinct().Order(StringComparer.Ordinal)) : "any";
        static string Date(DateOnly? date) => date is { } d ? LoadingDates.Format(d) : "none";
    }

    /// <summary>
    /// The loading dates a changed licence affects: where only its loading window moved, the dates that entered or
    /// left it; otherwise every date either window covers.
    /// </summary>
    private static IEnumerable<(DateOnly From, DateOnly To)> Affected(Licence a, Licence b)
    {
        var onlyWindow = a with { LoadedFrom = b.LoadedFrom, LoadedBefore = b.LoadedBefore };
        if (LicenceParts(onlyWindow, b).Count > 0)
        {
            yield return Hull(Window(a), Window(b));
            yield break;
        }

        var (x, y) = (Window(a), Window(b));
        if (x.From != y.From) yield return (LoadingDates.Min(x.From, y.From), LoadingDates.DayBefore(LoadingDates.Max(x.From, y.From)));
        if (x.To != y.To) yield return (LoadingDates.DayAfter(LoadingDates.Min(x.To, y.To)), LoadingDates.Max(x.To, y.To));
    }

    // Discharge is never before loading, so "discharged by" also bounds the loading date.
    private static (DateOnly From, DateOnly To) Window(Licence l)
    {
        var to = l.LoadedBefore is { } before ? LoadingDates.DayBefore(before) : DateOnly.MaxValue;
        if (l.DischargedBy is { } by) to = LoadingDates.Min(to, by);
        return (l.LoadedFrom ?? DateOnly.MinValue, to);
    }

    private static string WindowText(Licence l)
    {
        var (from, to) = Window(l);
        var text = LoadingDates.Text(from, to);
        return text.Length == 0 ? "" : ", loaded" + text;
    }

    private static ScheduleChange LicenceChange(string id, Licence[] versions, (DateOnly From, DateOnly To) window, string description)
    {
        var regime = versions.Select(l => l.Regime).Distinct(StringComparer.Ordinal).ToList();
        ProductCategory? category = versions.Any(l => l.Categories.Count == 0) ? null : Single(versions.SelectMany(l => l.Categories));
        var product = versions.Any(l => l.Products.Count == 0) ? null : Single(versions.SelectMany(l => l.Products));
        return new ScheduleChange(ScheduleChangeKind.Licence, id, regime.Count == 1 ? regime[0] : null, category, product,
            window.From, window.To, description + LoadingDates.Text(window.From, window.To));

        static T? Single<T>(IEnumerable<T> values)
        {
            var distinct = values.Distinct().Take(2).ToList();
            return distinct.Count == 1 ? distinct[0] : default;
        }
    }

    private static void Factors(CapSchedule older, CapSchedule newer, List<ScheduleChange> changes)
    {
        var a = older.ConversionFactors.ToDictionary(f => f.Product, StringComparer.Ordinal);
        var b = newer.ConversionFactors.ToDictionary(f => f.Product, StringComparer.Ordinal);
        foreach (var product in a.Keys.Union(b.Keys, StringComparer.Ordinal))
        {
            var before = a.GetValueOrDefault(product);
            var now = b.GetValueOrDefault(product);
            string? text = (before, now) switch
            {
                (null, { } added) => $"conversion factor {product} added ({LoadingDates.Amount(added.BarrelsPerTonne)} bbl/t)",
                ({ } removed, null) => $"conversion factor {product} removed (was {LoadingDates.Amount(removed.BarrelsPerTonne)} bbl/t)",
                _ => FactorParts(before!, now!),
            };
            if (text is not null) changes.Add(Everywhere(ScheduleChangeKind.ConversionFactor, product, null, text) with { Product = product });
        }
    }

    private static string? FactorParts(ConversionFactor a, ConversionFactor b)
    {
        var parts = new List<string>(2);
        if (a.BarrelsPerTonne != b.BarrelsPerTonne)
            parts.Add($"{LoadingDates.Amount(a.BarrelsPerTonne)} -> {LoadingDates.Amount(b.BarrelsPerTonne)} bbl/t");
        if (a.Confirmed != b.Confirmed) parts.Add($"status {Status(a.Confirmed)} -> {Status(b.Confirmed)}");
        return parts.Count == 0 ? null : $"conversion factor {a.Product}: {string.Join("; ", parts)}";
    }

    /// <summary>The items both sequences hold whose items before them (among those both hold) are not the same.</summary>
    private static List<string> Moved(IEnumerable<string> older, IEnumerable<string> newer)
    {
        var a = older.ToList();
        var b = newer.ToList();
        var common = a.Intersect(b, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        var orderA = a.Where(common.Contains).ToList();
        var orderB = b.Where(common.Contains).ToList();
        return [.. orderB.Where(item => !orderA.TakeWhile(x => x != item).ToHashSet(StringComparer.Ordinal)
            .SetEquals(orderB.TakeWhile(x => x != item)))];
    }

    private static ScheduleChange Everywhere(ScheduleChangeKind kind, string subject, string? regime, string description) =>
        new(kind, subject, regime, null, null, DateOnly.MinValue, DateOnly.MaxValue, description);

    private static (DateOnly From, DateOnly To) Hull((DateOnly From, DateOnly To) x, (DateOnly From, DateOnly To) y) =>
        (LoadingDates.Min(x.From, y.From), LoadingDates.Max(x.To, y.To));

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Status(bool confirmed) => confirmed ? "confirmed" : "unconfirmed";
}
