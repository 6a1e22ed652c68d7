namespace PriceCapAttest.Api.Security;

/// <summary>
/// Who may call a route. Insurers read attestations, vessels, receipts and the schedule; regulators read violations
/// (and replay alerts). A key or principal of one role never opens the other's routes (403).
/// </summary>
public enum ApiRole
{
    Insurer,
    Regulator,
}
