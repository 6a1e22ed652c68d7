using System.Globalization;
using PriceCapAttest.Domain.Reading;

namespace PriceCapAttest.Domain.Tests.Reading;

/// <summary>The digit-by-digit reading of plain dates and instants agrees with the framework's exact parsers.</summary>
public class FieldParsersPlainForms
{
    [Theory]
    [InlineData("2026-03-02")]
    [InlineData("2024-02-29")]
    [InlineData("2026-02-29")]
    [InlineData("2026-04-31")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01")]
    [InlineData("9999-12-31")]
    [InlineData("2026-00-10")]
    [InlineData("2026-13-10")]
    [InlineData("2026-01-00")]
    [InlineData("2026-1-10")]
    [InlineData("2026/01/10")]
    [InlineData("2026-01-1a")]
    [InlineData("２０２６-01-10")]
    [InlineData(" 2026-01-10")]
    public void Dates_Agree_With_Try_Parse_Exact(string text)
    {
        var expected = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date);

        Assert.Equal(expected, FieldParsers.TryParseDate(text, out var parsed));
        Assert.Equal(date, parsed);
    }

    [Fact]
    public void Every_Day_Of_Two_Centuries_Agrees()
    {
        for (var day = new DateOnly(1900, 1, 1); day.Year < 2100; day = day.AddDays(1))
        {
            var text = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.True(FieldParsers.TryParseDate(text, out var parsed));
            Assert.Equal(day, parsed);
        }
    }

    [Theory]
    [InlineData("2026-03-01T09:00:00Z")]
    [InlineData("2024-02-29T23:59:59Z")]
    [InlineData("2026-02-29T09:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59Z")]
    [InlineData("2026-03-01T24:00:00Z")]
    [InlineData("2026-03-01T09:60:00Z")]
    [InlineData("2026-03-01T09:00:60Z")]
    [InlineData("2026-03-01 09:00:00Z")]
    [InlineData("2026-03-01T09:00:00z")]
    [InlineData("2026-03-01T9:00:00Z")]
    [InlineData("2026-03-01T09:00:00.5Z")]
    [InlineData("2026-03-01T09:00:00+02:00")]
    [InlineData("2026-03-01T09:00:00")]
    public void Instants_Agree_With_The_Exact_Formats(string text)
    {
        var expected = text.EndsWith('Z')
            ? DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var instant)
            : DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture,
                DateTimeStyles.None, out instant);

        Assert.Equal(expected, FieldParsers.TryParseInstant(text, out var parsed));
        Assert.Equal(instant, parsed);
        Assert.Equal(instant.Offset, parsed.Offset);
    }
}
