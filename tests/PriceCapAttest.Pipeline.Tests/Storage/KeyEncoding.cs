using PriceCapAttest.Pipeline.Storage;

namespace PriceCapAttest.Pipeline.Tests.Storage;

public sealed class KeyEncoding
{
    [Theory]
    [InlineData("ATT-2026-0042")]
    [InlineData("shipper_01.a")]
    [InlineData("abcXYZ019")]
    public void KeepsOrdinaryIdsReadable(string id) => Assert.Equal(id, KeyEncoder.Encode(id));

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
    public void EncodesForbiddenCharactersAndRoundTrips(string value)
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
    public void DotDotMapsToEscapedDots() => Assert.Equal("~2E~2E", KeyEncoder.Encode(".."));

    [Fact]
    public void LongUnicodeIsCutAndHashedUniquely()
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
    public void JoinedKeysOfThreeLongPartsStayUnderTheLimit()
    {
        var longPart = new string('/', 2000);
        var key = KeyEncoder.Join(longPart, longPart, longPart);
        Assert.True(KeyEncoder.IsSafeKey(key));
        Assert.True(key.Length < 1024);
    }

    [Fact]
    public void DistinctValuesGiveDistinctKeys()
    {
        string[] values = ["a/b", "a~2Fb", "a_b", "a.b", "a b", "A/B", "..", "~2E~2E", ".a", "a."];
        Assert.Equal(values.Length, values.Select(KeyEncoder.Encode).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void RefusesEmpty() => Assert.ThrowsAny<ArgumentException>(() => KeyEncoder.Encode(""));
}
