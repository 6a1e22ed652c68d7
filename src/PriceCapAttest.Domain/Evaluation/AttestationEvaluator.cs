using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Domain.Evaluation;

/// <summary>
/// Decides a valid attestation (docs/attestation-format.md, "Check semantics"): regimes engaged, scope per regime,
/// price normalisation, the cap per regime with its transitions, the licences (Sakhalin-2 among them), then the
/// verdicts.
/// Pure and thread-safe.
/// </summary>
public sealed class AttestationEvaluator(CapSchedule schedule, CheckOptions options)
{
    private const string Russia = "RU";
    private readonly PriceNormalizer _normalizer = new(schedule);
    private readonly CapResolver _resolver = new(schedule);
    private readonly RegimeJudge _judge = new(options);

    public EvaluationOutcome Evaluate(AttestationDocument document)
    {
        var flags = new FlagSet();
        var voyage = document.Voyage!;
        var cargo = document.Cargo!;
        var loadingDate = voyage.LoadingDate!.Value;

        if (DateOnly.FromDateTime(document.Attestor!.SignedAt!.Value.UtcDateTime) > loadingDate) flags.Add(FlagCodes.SignedAfterLoading);
        if (voyage.StsTransfer == true) flags.Add(FlagCodes.StsTransfer);
        var loadedInRussia = voyage.LoadPort!.StartsWith(Russia, StringComparison.Ordinal);
        if (cargo.Origin != Russia && loadedInRussia) flags.Add(FlagCodes.LoadedInRussia);

        var regimes = EngagedRegimes(document);
        if (regimes.Count == 0) return Exempt([], ReasonCodes.NoCoalitionNexus, flags);

        var category = ProductCategories.Of(cargo.Product!);
        var dates = new CargoDates(document.Contract!.Date!.Value, loadingDate, voyage.DischargeDate, voyage.DischargePort?[..2]);
        NormalizedPrice? price = null;
        var claimHonoured = false;
        var capsChecked = false;
        var results = new List<RegimeResult>(regimes.Count);
        foreach (var regime in regimes)
        {
            if (OutOfScope(regime, cargo, category, loadedInRussia) is { } outOfScope)
            {
                results.Add(outOfScope);
                continue;
            }

            if (price is null)
            {
                price = _normalizer.Normalize(document);
                if (price.AssumedConversionFactor) flags.Add(FlagCodes.AssumedConversionFactor);
            }

            capsChecked = true;
            var decided = Decide(regime, category, dates, price, out var restsOnUnconfirmedCap);
            var result = ApplyLicences(regime, document, category, dates, decided, flags, ref claimHonoured);
            // A cargo a licence exempts does not rest on the cap at all.
            if (restsOnUnconfirmedCap && result.Verdict != Verdict.Exempt) flags.Add(FlagCodes.UnconfirmedCapValue);
            results.Add(result);
        }

        if (capsChecked && document.Exemption?.Type is not null && !claimHonoured) flags.Add(FlagCodes.ExemptionNotApplicable);
        return Summarise(results, flags);
    }

    /// <summary>
    /// The regime's verdict when the cargo is outside its scope (docs/attestation-format.md, step 2), else null.
    /// Origin decides, except for a regime that also covers oil exported from Russia (the EU): non-Russian oil
    /// loaded in Russia is outside it only with a non-Russian owner, and without an owner it needs review.
    /// </summary>
    private RegimeResult? OutOfScope(string regime, Cargo cargo, ProductCategory category, bool loadedInRussia)
    {
        if (cargo.Origin != Russia)
        {
            if (!loadedInRussia || !schedule.CoversExportsFromRussia(regime)) return ExemptResult(regime, ReasonCodes.NonRussianOrigin);
            if (cargo.Owner?.Country is { } owner && owner != Russia) return ExemptResult(regime, ReasonCodes.NonRussianOrigin);
            if (category == ProductCategory.OutOfScope) return ExemptResult(regime, ReasonCodes.ProductOutOfScope);
            if (cargo.Owner?.Country is null)
                return new RegimeResult(regime, Verdict.NeedsReview, null, null, null, [ReasonCodes.OwnerRequiredForExport]);
            return null; // Russian-owned oil exported from Russia
        }

        return category == ProductCategory.OutOfScope ? ExemptResult(regime, ReasonCodes.ProductOutOfScope) : null;
    }

    private RegimeResult Decide(string regime, ProductCategory category, CargoDates dates, NormalizedPrice price, out bool restsOnUnconfirmedCap)
    {
        var candidates = _resolver.Resolve(regime, category, dates);
        var result = _judge.Judge(regime, candidates[0], price, dates.LoadingDate);
        var undecided = false;
        for (var i = 1; i < candidates.Count && !undecided; i++)
            undecided = !SameAnswer(_judge.Judge(regime, candidates[i], price, dates.LoadingDate).Verdict, result.Verdict);
        if (undecided)
        {
            var reason = OnlyUnconfirmedRules(candidates) ? ReasonCodes.TransitionUnconfirmed : ReasonCodes.DischargeDateRequiredForTransition;
            result = result with { Verdict = Verdict.NeedsReview, Reasons = [reason] };
        }

        // An undecided result rests on every candidate cap; a decided one on the cap reported.
        var reliedOn = undecided ? candidates.Count : 1;
        restsOnUnconfirmedCap = false;
        for (var i = 0; i < reliedOn && !restsOnUnconfirmedCap; i++)
        {
            restsOnUnconfirmedCap = !RegimeJudge.IsConfirmed(candidates[i], dates.LoadingDate)
                || candidates[i].RuleUnconfirmed
                || candidates[i].HeldBy is { Confirmed: false };
        }
        return result;
    }

    private static bool OnlyUnconfirmedRules(IReadOnlyList<CapCandidate> candidates)
    {
        for (var i = 1; i < candidates.Count; i++)
        {
            if (!candidates[i].RuleUnconfirmed) return false;
        }
        return true;
    }

    // Exempt (no cap) and Compliant are the same answer: neither is a breach.
    private static bool SameAnswer(Verdict a, Verdict b) =>
        a == b || (a is Verdict.Exempt or Verdict.Compliant && b is Verdict.Exempt or Verdict.Compliant);

    /// <summary>
    /// The regime's licences, in the schedule's order (docs/cap-rules.md, "Licences"): the first the cargo meets
    /// exempts it and is named as the rule. A licence that must be claimed counts only when claimed. Where a
    /// licence could exempt a Violation but is unconfirmed, or the document lacks the discharge facts it needs,
    /// the regime needs review instead: a doubt never clears a breach, nor alerts on one.
    /// </summary>
    private RegimeResult ApplyLicences(
        string regime, AttestationDocument document, ProductCategory category, CargoDates dates, RegimeResult decided,
        FlagSet flags, ref bool claimHonoured)
    {
        var licences = schedule.LicencesOf(regime);
        for (var i = 0; i < licences.Count; i++)
        {
            var licence = licences[i];
            var claimed = licence.IsClaimedBy(document.Exemption);
            if (licence.ClaimRequired && !claimed) continue;

            var match = LicenceMatcher.Match(licence, document.Cargo!.Product!, category, dates);
            if (match == ConditionMatch.No) continue;
            if (match == ConditionMatch.Unknown)
            {
                if (decided.Verdict == Verdict.Violation)
                    return decided with { Verdict = Verdict.NeedsReview, Reasons = [ReasonCodes.DischargeDetailsRequiredForLicence] };
                continue;
            }

            claimHonoured |= claimed;
            if (!licence.Confirmed)
            {
                flags.Add(FlagCodes.UnconfirmedLicence);
                if (decided.Verdict == Verdict.Violation)
                    return decided with { Verdict = Verdict.NeedsReview, Reasons = [ReasonCodes.LicenceUnconfirmed] };
            }

            var reason = licence.Kind == Licence.Sakhalin2 ? ReasonCodes.Sakhalin2Exemption : ReasonCodes.GeneralLicenceExemption;
            return new RegimeResult(regime, Verdict.Exempt, null, null, licence.Id, [reason]);
        }

        return decided;
    }

    /// <summary>The regimes of the schedule, in its order, under which the attestor, the flag or a provider acts.</summary>
    private List<string> EngagedRegimes(AttestationDocument document)
    {
        var engaged = new List<string>(schedule.Regimes.Count);
        for (var i = 0; i < schedule.Regimes.Count; i++)
        {
            if (Engages(schedule.Regimes[i].Code, document))
                engaged.Add(schedule.Regimes[i].Code);
        }
        return engaged;
    }

    private bool Engages(string regime, AttestationDocument document)
    {
        if (ActsUnder(document.Attestor!.Country) || ActsUnder(document.Vessel!.Flag))
            return true;
        var providers = document.ServiceProviders;
        for (var i = 0; i < providers.Count; i++)
        {
            if (ActsUnder(providers[i].Country))
                return true;
        }
        return false;

        bool ActsUnder(string? country) => country is not null && schedule.RegimeOf(country) == regime;
    }

    private static EvaluationOutcome Exempt(List<string> regimes, string reason, FlagSet flags) => new(
        Verdict.Exempt,
        [reason],
        [.. regimes.Select(r => ExemptResult(r, reason))],
        flags.ToList());

    private static RegimeResult ExemptResult(string regime, string reason) => new(regime, Verdict.Exempt, null, null, null, [reason]);

    private static EvaluationOutcome Summarise(List<RegimeResult> results, FlagSet flags)
    {
        // Most severe first; stable, so the schedule's order stays within a verdict.
        var ordered = new List<RegimeResult>(results.Count);
        foreach (var result in results)
        {
            var at = ordered.Count;
            while (at > 0 && ordered[at - 1].Verdict < result.Verdict) at--;
            ordered.Insert(at, result);
        }

        var overall = ordered[0].Verdict;
        var reasons = new List<string>(1);
        foreach (var result in ordered)
        {
            if (result.Verdict != overall) break;
            for (var i = 0; i < result.Reasons.Count; i++)
            {
                if (!reasons.Contains(result.Reasons[i])) reasons.Add(result.Reasons[i]);
            }
        }
        return new EvaluationOutcome(overall, reasons, ordered, flags.ToList());
    }

    private sealed class FlagSet
    {
        private readonly List<string> _flags = [];

        public void Add(string flag)
        {
            if (!_flags.Contains(flag)) _flags.Add(flag);
        }

        public List<string> ToList() => [.. _flags];
    }
}
