using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PriceCapAttest.Telemetry;

namespace PriceCapAttest.Pipeline.Tests.Telemetry;

/// <summary>Which exporters <see cref="TelemetryServiceCollectionExtensions.AddPriceCapTelemetry"/> adds, by setting.</summary>
public sealed class TelemetryRegistration
{
    private const string Otlp = "OpenTelemetry.Exporter.OpenTelemetryProtocol";
    private const string AzureMonitor = "Azure.Monitor.OpenTelemetry.Exporter";
    private const string ConnectionString = "InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://example.invalid/";

    [Fact]
    public void Without_Either_Setting_Nothing_Is_Exported()
    {
        var export = TelemetryExport.From(Configuration());

        Assert.False(export.ExportsAnything);
        Assert.Equal(new TelemetryExport(null, null), export);
    }

    [Fact]
    public void Each_Setting_Turns_Its_Exporter_On()
    {
        var export = TelemetryExport.From(Configuration(
            (TelemetryExport.OtlpEndpointKey, "http://127.0.0.1:4317"), (TelemetryExport.AzureMonitorKey, " " + ConnectionString + " ")));

        Assert.Equal(new Uri("http://127.0.0.1:4317"), export.OtlpEndpoint);
        Assert.Equal(ConnectionString, export.AzureMonitorConnectionString);
        Assert.False(TelemetryExport.From(Configuration((TelemetryExport.OtlpEndpointKey, " "))).ExportsAnything);
    }

    [Fact]
    public void An_Otlp_Endpoint_That_Is_No_Url_Is_A_Start_Up_Error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TelemetryExport.From(Configuration((TelemetryExport.OtlpEndpointKey, "collector:4317"))));
        Assert.Contains(TelemetryExport.OtlpEndpointKey, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_Settings_The_Sdk_Runs_With_No_Exporter_Registered()
    {
        var services = new ServiceCollection();
        var configuration = Configuration();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddPriceCapTelemetry(configuration, "test");

        Assert.DoesNotContain(services, d => FromAssembly(d, Otlp) || FromAssembly(d, AzureMonitor));
        using var provider = services.BuildServiceProvider();
        Assert.NotNull(provider.GetRequiredService<MeterProvider>());
        Assert.NotNull(provider.GetRequiredService<TracerProvider>());
    }

    [Theory]
    [InlineData(TelemetryExport.OtlpEndpointKey, "http://127.0.0.1:4317", Otlp, AzureMonitor)]
    [InlineData(TelemetryExport.AzureMonitorKey, ConnectionString, AzureMonitor, Otlp)]
    public void A_Setting_Registers_Its_Exporter_Only(string key, string value, string registered, string absent)
    {
        var services = new ServiceCollection();
        services.AddPriceCapTelemetry(Configuration((key, value)), "test");

        Assert.Contains(services, d => FromAssembly(d, registered));
        Assert.DoesNotContain(services, d => FromAssembly(d, absent));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    /// <summary>Whether a registration names a type of the assembly (service, implementation or a generic argument of either).</summary>
    private static bool FromAssembly(ServiceDescriptor descriptor, string assembly)
    {
        var types = new[] { descriptor.ServiceType, descriptor.IsKeyedService ? descriptor.KeyedImplementationType : descriptor.ImplementationType };
        return types.OfType<Type>()
            .SelectMany(t => t.IsGenericType ? t.GetGenericArguments().Append(t) : [t])
            .Any(t => t.Assembly.GetName().Name == assembly);
    }
}
