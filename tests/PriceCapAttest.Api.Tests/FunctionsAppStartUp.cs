using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PriceCapAttest.Functions;
using PriceCapAttest.Pipeline.Alerts;

namespace PriceCapAttest.Api.Tests;

/// <summary>What the Functions app runs when an instance starts, as the local host does.</summary>
public sealed class FunctionsAppStartUp
{
    [Fact]
    public void An_Instance_Queues_Again_The_Alerts_Whose_Delivery_Never_Started()
    {
        var services = new ServiceCollection().AddPriceCapFunctions(new ConfigurationBuilder().Build());

        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(UnstartedAlertSweep));
    }
}
