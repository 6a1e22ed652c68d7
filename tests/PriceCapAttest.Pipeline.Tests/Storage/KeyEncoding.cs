using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Tests.Storage;

public sealed class KeyEncoding
{
    [Theory]
    [InlineData("ATT-2026-0042")]
    [InlineData("shipper_01.a")]
    [InlineData("abcXYZ019")]
    public void Keeps_Ordinary_Ids_Readable(string id) => Assert.Equal(id, KeyEncoder.Encode(id));

    [Theory]
    [InlineData("a/b")]
    [InlineData("a\\b")]
    [InlineData("a#b")]
    [InlineData("a?b")]
    [InlineData("a\u0001b\tc\nd")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a|b")]
    [InlineData("~")]
    [InlineData("Ölhändler Zürich 石油 🛢️")]
    [InlineData("../../etc/passwd")]
    public void Encodes_Forbidden_Characters_And_Round_Trips(string value)
    {
        var key = KeyEncoder.Encode(value);
        Assert.True(KeyEncoder.IsSafeKey(key), key);
        Assert.DoesNotContain('|', key);
        Assert.NotEqual(".", key);
        Assert.NotEqual("..", key);
        Assert.False(key.StartsWith('.') || key.EndsWith('.'), key);
        Assert.Equal(value, KeyEncoder.TryDecode(key));
    }

    [Fact]
    public void Dot_Dot_Maps_To_Escaped_Dots() => Assert.Equal("~2E~2E", KeyEncoder.Encode(".."));

    [Fact]
    public void Long_Unicode_Is_Cut_And_Hashed_Uniquely()
    {
        var a = string.Concat(Enumerable.Repeat("石油", 500)) + "a";
        var b = string.Concat(Enumerable.Repeat("石油", 500)) + "b";
        var keyA = KeyEncoder.Encode(a);
        var keyB = KeyEncoder.Encode(b);
        Assert.True(keyA.Length <= KeyEncoder.MaxPartLength, keyA.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(KeyEncoder.IsSafeKey(keyA));
        Assert.NotEqual(keyA, keyB);
        Assert.Equal(keyA, KeyEncoder.Encode(a));
        Assert.Null(KeyEncoder.TryDecode(keyA));
    }

    [Fact]
    public void Joined_Keys_Of_Three_Long_Parts_Stay_Under_The_Limit()
    {
        var longPart = new string('/', 2000);
        var key = KeyEncoder.Join(longPart, longPart, longPart);
        Assert.True(KeyEncoder.IsSafeKey(key));
        Assert.True(key.Length < 1024);
    }

    [Fact]
    public void Distinct_Values_Give_Distinct_Keys()
    {
        string[] values = ["a/b", "a~2Fb", "a_b", "a.b", "a b", "A/B", "..", "~2E~2E", ".a", "a."];
        Assert.Equal(values.Length, values.Select(KeyEncoder.Encode).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Refuses_Empty() => Assert.ThrowsAny<ArgumentException>(() => KeyEncoder.Encode(""));
}
