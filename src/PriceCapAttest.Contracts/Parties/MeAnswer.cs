namespace PriceCapAttest.Contracts;

/// <summary>The caller as the API knows it (GET /api/me): its role (Shipper, Insurer, Regulator or Operator) and the party it acts for.</summary>
public sealed record MeAnswer(string Role, string PartyId);
