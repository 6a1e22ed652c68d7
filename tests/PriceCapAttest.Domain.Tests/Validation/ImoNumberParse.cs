using PriceCapAttest.Domain.Documents;

namespace PriceCapAttest.Domain.Tests.Validation;

public class ImoNumberParse
{
    [Theory]
    [InlineData("9074729")]
    [InlineData("IMO 9074729")]
    [InlineData("IMO9074729")]
    [InlineData("imo 9074729")]
    [InlineData(" 9074729 ")]
    public void Accepts_Prefixed_Form(string text)
    {
        Assert.True(ImoNumber.TryParse(text, out var imo));
        Assert.Equal("9074729", imo.Value);
        Assert.Equal("9074729", imo.ToString());
    }

    [Theory]
    [InlineData("9074728")]
    [InlineData("IMO 9074720")]
    public void Rejects_A_Bad_Check_Digit(string text)
    {
        Assert.False(ImoNumber.TryParse(text, out _));
        Assert.True(ImoNumber.IsWellFormed(text));
        Assert.Equal(9, ImoNumber.ExpectedCheckDigit(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("907472")]
    [InlineData("90747290")]
    [InlineData("9O74729")]
    [InlineData("IMO-9074729")]
    [InlineData("٩٠٧٤٧٢٩")]
    public void Rejects_What_Is_Not_Seven_Digits(string? text)
    {
        Assert.False(ImoNumber.TryParse(text, out _));
        Assert.False(ImoNumber.IsWellFormed(text));
    }

    [Fact]
    public void Computes_The_Check_Digit_Of_The_Published_Example()
    {
        // 9x7 + 0x6 + 7x5 + 4x4 + 7x3 + 2x2 = 139
        Assert.Equal(9, ImoNumber.ExpectedCheckDigit("9074720"));
    }

    [Fact]
    public void Equals_By_Value() => Assert.Equal(ImoNumber.Parse("IMO 9074729"), ImoNumber.Parse("9074729"));

    [Fact]
    public void Parse_Throws_Format_Exception() => Assert.Throws<FormatException>(() => ImoNumber.Parse("9074728"));
}
