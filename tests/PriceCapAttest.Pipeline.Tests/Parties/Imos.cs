using System.Globalization;

namespace PriceCapAttest.Pipeline.Tests.Parties;

/// <summary>Valid IMO numbers for tests: six digits and the check digit they call for.</summary>
internal static class Imos
{
    public static string Of(int six)
    {
        var digits = six.ToString("D6", CultureInfo.InvariantCulture);
        var sum = 0;
        for (var i = 0; i < 6; i++)
        {
            sum += (digits[i] - '0') * (7 - i);
        }

        return digits + (sum % 10).ToString(CultureInfo.InvariantCulture);
    }

    public static List<string> Range(int first, int count) => [.. Enumerable.Range(first, count).Select(Of)];
}
