using PriceCapAttest.Domain.Collections;

namespace PriceCapAttest.Domain.Tests.Collections;

public class SeenIdsTests
{
    [Fact]
    public void The_First_Id_Is_New_And_Its_Repeat_Is_Not()
    {
        using var seen = new SeenIds();

        Assert.True(seen.Add("ATT-1"));
        Assert.False(seen.Add("ATT-1"));
        Assert.False(seen.Add("ATT-1"));
    }

    [Fact]
    public void The_First_Id_Is_Remembered_Once_Others_Come()
    {
        using var seen = new SeenIds();

        Assert.True(seen.Add(""));
        Assert.True(seen.Add("ATT-2"));
        Assert.False(seen.Add(""));
        Assert.False(seen.Add("ATT-2"));
        Assert.True(seen.Add("ATT-3"));
    }

    [Fact]
    public void Agrees_With_A_Hash_Set_Of_The_Ids()
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
