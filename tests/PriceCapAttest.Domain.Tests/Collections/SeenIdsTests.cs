using PriceCapAttest.Domain.Collections;

namespace PriceCapAttest.Domain.Tests.Collections;

public class SeenIdsTests
{
    [Fact]
    public void TheFirstIdIsNewAndItsRepeatIsNot()
    {
        using var seen = new SeenIds();

        Assert.True(seen.Add("ATT-1"));
        Assert.False(seen.Add("ATT-1"));
        Assert.False(seen.Add("ATT-1"));
    }

    [Fact]
    public void TheFirstIdIsRememberedOnceOthersCome()
    {
        using var seen = new SeenIds();

        Assert.True(seen.Add(""));
        Assert.True(seen.Add("ATT-2"));
        Assert.False(seen.Add(""));
        Assert.False(seen.Add("ATT-2"));
        Assert.True(seen.Add("ATT-3"));
    }

    [Fact]
    public void AgreesWithAHashSetOfTheIds()
    {
        var random = new Random(5);
        using var seen = new SeenIds();
        var expected = new HashSet<string>(StringComparer.Ordinal);

        for (var i = 0; i < 5_000; i++)
        {
            var id = $"ATT-{random.Next(2_000)}";
            Assert.Equal(expected.Add(id), seen.Add(id));
        }
    }
}
