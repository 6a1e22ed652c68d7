namespace PriceCapAttest.Pipeline.Telemetry;

/// <summary>The <c>outcome</c> tag of <c>pricecap.alerts.deliveries</c>: what one POST to one endpoint came to.</summary>
public enum AlertDeliveryOutcome
{
    /// <summary>The endpoint accepted the alert.</summary>
    Delivered,

    /// <summary>The POST failed and another round is due.</summary>
    Retried,

    /// <summary>The POST failed in the last round (or no endpoint was configured): the alert is Failed.</summary>
    Failed,
}
