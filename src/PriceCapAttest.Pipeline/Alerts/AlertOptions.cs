using System.Globalization;

namespace PriceCapAttest.Pipeline.Alerts;

/// <summary>
/// Configuration section <c>Alerts</c>: where each regime's regulator receives alerts, how they are signed and how
/// failed deliveries are retried. Routes come as lists, e.g. <c>Alerts__Routes__EU__0=https://...</c>.
/// Checked at start-up by <see cref="AlertOptionsValidator"/>. <see cref="ToString"/> never shows the secret.
/// </summary>
public sealed class AlertOptions
{
    public const string SectionName = "Alerts";

    /// <summary>More endpoints than this per regime would not fit one entity group transaction with headroom.</summary>
    public const int MaxEndpointsPerRegime = 20;

    /// <summary>Regime code (US, EU, ...) to the webhook URLs of its regulators.</summary>
    public Dictionary<string, List<string>> Routes { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Standard Webhooks signing secret, <c>whsec_</c> followed by base64 of 24 to 64 random bytes.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>Delivery rounds per alert before it is marked Failed and moved to the poison queue.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Delay before the second round; each further round doubles it, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound of the delay between rounds (the queue allows at most 7 days of invisibility).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Time one POST may take; an endpoint that hangs longer counts as failed for that round.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Optional public base address of the HTTP API (e.g. https://pricecap.example.org). When set, the link in each
    /// alert is absolute; otherwise it is the path <c>/api/attestations/...</c>.
    /// </summary>
    public Uri? ApiBaseUrl { get; set; }

    /// <summary>The configured endpoints of a regime, in configuration order, without blanks or duplicates.</summary>
    public IReadOnlyList<Uri> EndpointsFor(string regime)
    {
        if (!Routes.TryGetValue(regime, out var urls) || urls is null)
            return [];
        var result = new List<Uri>();
        foreach (var url in urls)
        {
            if (string.IsNullOrWhiteSpace(url) || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
                continue;
            if (!result.Contains(uri))
                result.Add(uri);
        }
        return result;
    }

    public override string ToString()
    {
        var routes = string.Join(", ", Routes.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Key}: {r.Value?.Count ?? 0} endpoint(s)")));
        var secret = string.IsNullOrEmpty(SigningSecret) ? "(not set)" : "(set, hidden)";
        return string.Create(CultureInfo.InvariantCulture,
            $"AlertOptions {{ Routes = [{routes}], SigningSecret = {secret}, MaxAttempts = {MaxAttempts}, BaseBackoff = {BaseBackoff}, MaxBackoff = {MaxBackoff}, RequestTimeout = {RequestTimeout} }}");
    }
}
