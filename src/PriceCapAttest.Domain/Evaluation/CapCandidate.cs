using PriceCapAttest.Domain.Schedule;

namespace PriceCapAttest.Domain.Evaluation;

/// <summary>
/// A cap that may apply to a cargo: <see cref="Period"/> null means no cap was in force. <see cref="HeldBy"/> is
/// the transition whose rule kept this (older) cap, if any; <see cref="RuleUnconfirmed"/> when that rule is one no
/// source confirmed, so that the newer cap remains possible too.
/// </summary>
public sealed record CapCandidate(CapPeriod? Period, CapTransition? HeldBy, bool RuleUnconfirmed = false);
