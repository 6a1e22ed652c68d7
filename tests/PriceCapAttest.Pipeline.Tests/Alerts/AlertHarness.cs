using System.Diagnostics;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PriceCapAttest.Pipeline.Alerts;
using PriceCapAttest.Pipeline.Tests.Infrastructure;

namespace PriceCapAttest.Pipeline.Tests.Alerts;

/// <summary>
/// The alert services wired as production wires them (AddPriceCapAlerts, options validated at start-up), on Azurite
/// with a table and queues unique to the test, plus a loop that consumes the queue the way the queue trigger does.
/// </summary>
internal sealed class AlertHarness : IDisposable
{
    private readonly ServiceProvider _provider;

    private AlertHarness(ServiceProvider provider)
    {
        _provider = provider;
    }

    public AlertStorage Storage => _provider.GetRequiredService<AlertStorage>();
    public IAlertPublisher Publisher => _provider.GetRequiredService<IAlertPublisher>();
    public IAlertStatusReader Reader => _provider.GetRequiredService<IAlertStatusReader>();
    public AlertDispatcher Dispatcher => _provider.GetRequiredService<AlertDispatcher>();
    public FailedAlertReplayer Replayer => _provider.GetRequiredService<FailedAlertReplayer>();
    public UnstartedAlertRequeuer Requeuer => _provider.GetRequiredService<UnstartedAlertRequeuer>();

    public static AlertHarness Create(
        AzuriteFixture azurite, string secret, IDictionary<string, string?> settings, TimeProvider? time = null, HttpPipelinePolicy? tablePolicy = null)
    {
        var values = new Dictionary<string, string?>(settings) { ["Alerts:SigningSecret"] = secret };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();

        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
            services.AddSingleton(time);
        var tableOptions = new TableClientOptions();
        if (tablePolicy is not null)
            tableOptions.AddPolicy(tablePolicy, HttpPipelinePosition.PerCall);
        services.AddSingleton(new AlertStorage(
            new TableClient(azurite.ConnectionString, AzuriteFixture.UniqueName("alerts"), tableOptions),
            azurite.CreateQueueClient(AzuriteFixture.UniqueName("alerts")),
            azurite.CreateQueueClient(AzuriteFixture.UniqueName("poison"))));
        services.AddPriceCapAlerts(configuration);

        var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new AlertHarness(provider);
    }

    /// <summary>
    /// Receives, dispatches and deletes messages like the queue trigger (body decoded from Base64, dequeue count
    /// passed on), until the queue holds no message, visible or not.
    /// </summary>
    public async Task<List<AlertDispatchOutcome>> RunQueueAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var clock = Stopwatch.StartNew();
        var outcomes = new List<AlertDispatchOutcome>();
        while (clock.Elapsed < limit)
        {
            var message = (await Storage.Queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
            if (message is null)
            {
                var properties = await Storage.Queue.GetPropertiesAsync();
                if (properties.Value.ApproximateMessagesCount == 0)
                    return outcomes;
                await Task.Delay(100);
                continue;
            }

            outcomes.Add(await Dispatcher.DispatchAsync(message.Body.ToString(), message.DequeueCount, CancellationToken.None));
            await Storage.Queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
        }

        throw new TimeoutException($"The alert queue was not empty after {limit}; outcomes so far: {string.Join(", ", outcomes)}.");
    }

    public async Task<List<string>> PoisonBodiesAsync()
    {
        var peeked = await Storage.PoisonQueue.PeekMessagesAsync(maxMessages: 32);
        return peeked.Value.Select(m => m.Body.ToString()).ToList();
    }

    public void Dispose() => _provider.Dispose();
}
