namespace PriceCapAttest.Api.Routes;

/// <summary>Every route of the API, the one list both hosts serve (under <see cref="Prefix"/>).</summary>
public static class ApiRoutes
{
    public const string Prefix = "/api";

    public static IReadOnlyList<ApiRoute> All { get; } =
    [
        .. AttestationRoutes.All,
        .. UploadRoutes.All,
        .. FleetRoutes.All,
        .. AuditRoutes.All,
        .. ViolationRoutes.All,
        .. ScheduleRoutes.All,
        .. AlertRoutes.All,
        .. RescreenRoutes.All,
        .. MeRoutes.All,
        .. HealthRoutes.All,
    ];

    public static ApiRoute Named(string name) =>
        All.FirstOrDefault(r => r.Name == name) ?? throw new ArgumentException($"No API route is named '{name}'.", nameof(name));
}
