using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Domain.Evaluation;

/// <summary>
/// Decides a valid attestation (attestation-format.md, "Check semantics"): regimes engaged, scope, price
/// normalisation, the cap per regime with its transitions and the Sakhalin-2 exemption, then the verdicts.
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
        var russianOrigin = cargo.Origin == Russia;
        if (!russianOrigin && voyage.LoadPort!.StartsWith(Russia, StringComparison.Ordinal)) flags.Add(FlagCodes.LoadedInRussia);

        var regimes = EngagedRegimes(document);
        if (regimes.Count == 0) return Exempt([], ReasonCodes.NoCoalitionNexus, flags);
        if (!russianOrigin) return Exempt(regimes, ReasonCodes.NonRussianOrigin, flags);
        var category = ProductCategories.Of(cargo.Product!);
        if (category == ProductCategory.OutOfScope) return Exempt(regimes, ReasonCodes.ProductOutOfScope, flags);

        var price = _normalizer.Normalize(document);
        if (price.AssumedConversionFactor) flags.Add(FlagCodes.AssumedConversionFactor);
        var dates = new CargoDates(document.Contract!.Date!.Value, loadingDate, voyage.DischargeDate, voyage.DischargePort?[..2]);
        var sakhalin2Claimed = document.Exemption?.Type == "sakhalin2";

        var results = new List<RegimeResult>(regimes.Count);
        foreach (var regime in regimes)
        {
            results.Add(sakhalin2Claimed && Sakhalin2Applies(regime, category, dates, flags) is { } exempt
                ? exempt
                : Decide(regime, category, dates, price, flags));
        }
        if (sakhalin2Claimed && results.All(r => !r.Reasons.Contains(ReasonCodes.Sakhalin2Exemption)))
            flags.Add(FlagCodes.ExemptionNotApplicable);

        return Summarise(results, flags);
    }

    private RegimeResult Decide(string regime, ProductCategory category, CargoDates dates, NormalizedPrice price, FlagSet flags)
    {
        var candidates = _resolver.Resolve(regime, category, dates);
        var result = _judge.Judge(regime, candidates[0], price);
        var undecided = false;
        for (var i = 1; i < candidates.Count && !undecided; i++)
            undecided = !SameAnswer(_judge.Judge(regime, candidates[i], price).Verdict, result.Verdict);
        if (undecided)
            result = result with { Verdict = Verdict.NeedsReview, Reasons = [ReasonCodes.DischargeDateRequiredForTransition] };

        // An undecided result rests on every candidate cap; a decided one on the cap reported.
        var reliedOn = undecided ? candidates.Count : 1;
        for (var i = 0; i < reliedOn; i++)
        {
            if (candidates[i].Period is { Confirmed: false } || candidates[i].HeldBy is { Confirmed: false })
            {
                flags.Add(FlagCodes.UnconfirmedCapValue);
                break;
            }
        }
        return result;
    }

    // Exempt (no cap) and Compliant are the same answer: neither is a breach.
    private static bool SameAnswer(Verdict a, Verdict b) =>
        a == b || (a is Verdict.Exempt or Verdict.Compliant && b is Verdict.Exempt or Verdict.Compliant);

    private RegimeResult? Sakhalin2Applies(string regime, ProductCategory category, CargoDates dates, FlagSet flags)
    {
        if (category != ProductCategory.Crude || dates.DischargeCountry != "JP") return null;
        if (schedule.Sakhalin2WindowOn(regime, dates.LoadingDate) is not { } window) return null;
        if (!window.Confirmed) flags.Add(FlagCodes.UnconfirmedCapValue);
        return new RegimeResult(regime, Verdict.Exempt, null, null, null, [ReasonCodes.Sakhalin2Exemption]);
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
        [.. regimes.Select(r => new RegimeResult(r, Verdict.Exempt, null, null, null, [reason]))],
        flags.ToList());

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
