using PriceCapAttest.Pipeline.Alerts;

namespace PriceCapAttest.Pipeline.Tests.Alerts;

public sealed class AlertBackoffComputation
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(10);

    [Theory]
    [InlineData(1, 30)]
    [InlineData(2, 60)]
    [InlineData(3, 120)]
    [InlineData(4, 240)]
    [InlineData(5, 480)]
    public void Doubles_From_The_Base_Delay(int attempt, int expectedSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), AlertBackoff.After(attempt, Base, Max));

    [Theory]
    [InlineData(6)]
    [InlineData(40)]
    [InlineData(int.MaxValue)]
    public void Stops_At_The_Cap_Without_Overflow(int attempt) =>
        Assert.Equal(Max, AlertBackoff.After(attempt, Base, Max));

    [Fact]
    public void Refuses_Attempt_Zero() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => AlertBackoff.After(0, Base, Max));
}
