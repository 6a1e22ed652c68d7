using Azure.Data.Tables;
using PriceCapAttest.Pipeline.Storage;
using PriceCapAttest.Pipeline.Tests.Infrastructure;

namespace PriceCapAttest.Pipeline.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class MoneyStorage(AzuriteFixture azurite)
{
    private static readonly string[] AmountTexts = ["44.10", "46.0000", "0.0001", "59.9999", "123456789.123456", "-3.5", "0"];

    public static TheoryData<string> Amounts => [.. AmountTexts];

    [Theory]
    [MemberData(nameof(Amounts))]
    public void Converts_To_Micros_Exactly(string text)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(value, ScaledMoney.FromMicros(ScaledMoney.ToMicros(value)));
    }

    [Fact]
    public void Refuses_More_Than_Six_Decimals() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ScaledMoney.ToMicros(1.0000001m));

    [Fact]
    public async Task Round_Trips_Through_Table_Storage_Exactly()
    {
        var table = azurite.CreateTableClient(AzuriteFixture.UniqueName("Money"));
        await table.CreateIfNotExistsAsync();
        var values = AmountTexts.Select(a => decimal.Parse(a, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        for (var i = 0; i < values.Count; i++)
        {
            var entity = new TableEntity("p", i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture));
            ScaledMoney.Write(entity, "Price", values[i]);
            await table.AddEntityAsync(entity);
        }

        for (var i = 0; i < values.Count; i++)
        {
            var read = (await table.GetEntityAsync<TableEntity>("p", i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture))).Value;
            Assert.Equal(values[i], ScaledMoney.Read(read, "Price"));
            Assert.Equal(values[i].ToString(System.Globalization.CultureInfo.InvariantCulture), read.GetString("Price"));
            Assert.Equal(ScaledMoney.ToMicros(values[i]), read.GetInt64("PriceMicros"));
        }
    }
}
