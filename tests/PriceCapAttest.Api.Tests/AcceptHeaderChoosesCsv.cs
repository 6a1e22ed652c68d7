using PriceCapAttest.Api.Routes;
using PriceCapAttest.Contracts;

namespace PriceCapAttest.Api.Tests;

/// <summary>Which Accept headers turn the violations answer into CSV: text/csv preferred over JSON.</summary>
public sealed class AcceptHeaderChoosesCsv
{
    [Theory]
    [InlineData("text/csv", true)]
    [InlineData("TEXT/CSV; charset=utf-8", true)]
    [InlineData("text/csv, application/json;q=0.5", true)]
    [InlineData("application/json;q=0.4, text/csv;q=0.9", true)]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("*/*", false)]
    [InlineData("application/json", false)]
    [InlineData("application/json, text/csv", false)]
    [InlineData("text/csv;q=0", false)]
    [InlineData("not a media type", false)]
    public void Chooses_Csv_Only_When_Preferred(string? accept, bool csv) => Assert.Equal(csv, ApiInput.WantsCsv(accept));
}
