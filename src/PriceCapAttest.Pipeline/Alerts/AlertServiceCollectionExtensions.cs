using Azure.Data.Tables;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using PriceCapAttest.Pipeline.Storage;
using PriceCapAttest.Pipeline.Telemetry;

namespace PriceCapAttest.Pipeline.Alerts;

public static class AlertServiceCollectionExtensions
{
    /// <summary>
    /// Registers alert publishing, delivery, status reading and replay, with <see cref="AlertOptions"/> bound from
    /// the <c>Alerts</c> section and validated at start-up. Storage: an <see cref="AlertStorage"/> registered
    /// before this call wins; otherwise the singleton <see cref="TableServiceClient"/> and
    /// <see cref="QueueServiceClient"/> (Base64 queues) of the container, else <see cref="StorageClients"/> made from
    /// <c>AzureWebJobsStorage</c>.
    /// </summary>
    public static IServiceCollection AddPriceCapAlerts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<AlertOptions>()
            .Bind(configuration.GetSection(AlertOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AlertOptions>, AlertOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddMetrics();
        services.TryAddSingleton<PipelineTelemetry>();

        // Timeouts are per request (AlertOptions.RequestTimeout) so one hanging endpoint delays no other. Redirects
        // are not followed: a 3xx could lead off https. The factory's own request logging is removed because it
        // would write endpoint URLs, which may carry access keys; the dispatcher logs without them.
        services.AddHttpClient(AlertDispatcher.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .RemoveAllLoggers();

        services.TryAddSingleton(provider =>
        {
            var tables = provider.GetService<TableServiceClient>();
            var queues = provider.GetService<QueueServiceClient>();
            if (tables is not null && queues is not null)
                return AlertStorage.FromServiceClients(tables, queues);
            var clients = provider.GetService<StorageClients>() ?? StorageClients.FromConfiguration(configuration);
            return AlertStorage.FromServiceClients(clients.Tables, clients.Queues);
        });

        services.TryAddSingleton<IAlertPublisher, QueueAlertPublisher>();
        services.TryAddSingleton<IAlertStatusReader, TableAlertStatusReader>();
        services.TryAddSingleton<AlertDispatcher>();
        services.TryAddSingleton<FailedAlertReplayer>();
        services.TryAddSingleton<UnstartedAlertRequeuer>();
        return services;
    }

    /// <summary>Runs <see cref="UnstartedAlertSweep"/> once when the host starts.</summary>
    public static IServiceCollection AddUnstartedAlertSweep(this IServiceCollection services) =>
        services.AddHostedService<UnstartedAlertSweep>();
}
