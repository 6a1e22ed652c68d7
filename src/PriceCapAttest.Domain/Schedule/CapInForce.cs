using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Schedule;

/// <summary>One line of "the caps in force on a date": what <c>pricecap schedule</c> and the API list.</summary>
public sealed record CapInForce(string Regime, ProductCategory Category, CapPeriod? Period);
