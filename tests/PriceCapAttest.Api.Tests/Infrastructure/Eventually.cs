using System.Diagnostics;

namespace PriceCapAttest.Api.Tests.Infrastructure;

/// <summary>Polls a condition until it holds or a deadline passes (no fixed sleeps).</summary>
internal static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Returns the first non-null value of <paramref name="probe"/>, or fails with <paramref name="what"/>.</summary>
    public static async Task<T> GetAsync<T>(Func<Task<T?>> probe, string what, TimeSpan? timeout = null)
        where T : class
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Not within {limit.TotalSeconds} s: {what}");
            }

            await Task.Delay(200);
        }
    }
}
