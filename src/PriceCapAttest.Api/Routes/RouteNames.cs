namespace PriceCapAttest.Api.Routes;

/// <summary>The route names: OpenAPI operation ids and the names of the Functions app's functions.</summary>
public static class RouteNames
{
    public const string GetAttestation = "GetAttestation";
    public const string GetVesselAttestations = "GetVesselAttestations";
    public const string GetReceipt = "GetReceipt";
    public const string UploadAttestation = "UploadAttestation";
    public const string PutFleet = "PutFleet";
    public const string GetFleet = "GetFleet";
    public const string GetAudit = "GetAudit";
    public const string GetViolations = "GetViolations";
    public const string GetSchedule = "GetSchedule";
    public const string ReplayFailedAlerts = "ReplayFailedAlerts";
    public const string GetRescreens = "GetRescreens";
    public const string GetRescreen = "GetRescreen";
    public const string DryRunRescreen = "DryRunRescreen";
    public const string GetMe = "GetMe";
    public const string GetHealth = "GetHealth";
    public const string GetOpenApiDocument = "GetOpenApiDocument";
    public const string GetApiDocs = "GetApiDocs";
    public const string RouteNotFound = "RouteNotFound";
}
