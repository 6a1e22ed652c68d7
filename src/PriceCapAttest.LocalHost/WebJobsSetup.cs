using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;

namespace PriceCapAttest.LocalHost;

/// <summary>
/// The WebJobs SDK set up as the Functions host would be from host.json (section <c>extensions</c>: queue batch,
/// visibility timeout, max dequeue count; blob parallelism), with a short queue polling interval so a local run
/// reacts within seconds (<c>extensions:queues:maxPollingInterval</c>, default 2 s here).
/// </summary>
internal static class WebJobsSetup
{
    private static readonly TimeSpan LocalMaxPollingInterval = TimeSpan.FromSeconds(2);

    public static void Configure(IWebJobsBuilder webJobs, IConfiguration configuration)
    {
        webJobs.AddAzureStorageCoreServices();
        webJobs.AddAzureStorageBlobs(options =>
        {
            var blobs = configuration.GetSection("extensions:blobs");
            if (blobs.GetValue<int?>("maxDegreeOfParallelism") is { } parallelism)
            {
                options.MaxDegreeOfParallelism = parallelism;
            }

            if (blobs.GetValue<int?>("poisonBlobThreshold") is { } threshold)
            {
                options.PoisonBlobThreshold = threshold;
            }
        });
        webJobs.AddAzureStorageQueues(options =>
        {
            var queues = configuration.GetSection("extensions:queues");
            options.MaxPollingInterval = queues.GetValue<TimeSpan?>("maxPollingInterval") is { } interval && interval < LocalMaxPollingInterval
                ? interval
                : LocalMaxPollingInterval;
            if (queues.GetValue<int?>("maxDequeueCount") is { } dequeue)
            {
                options.MaxDequeueCount = dequeue;
            }

            if (queues.GetValue<TimeSpan?>("visibilityTimeout") is { } visibility)
            {
                options.VisibilityTimeout = visibility;
            }

            if (queues.GetValue<int?>("batchSize") is { } batch)
            {
                options.BatchSize = batch;
            }

            if (queues.GetValue<int?>("newBatchThreshold") is { } threshold)
            {
                options.NewBatchThreshold = threshold;
            }
        });
    }
}
