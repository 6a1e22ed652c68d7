using System.Text.Json;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Api.Hosting;

/// <summary>The API's JSON spelling is that of the check results (<see cref="ResultJson"/>): camelCase, enums as names.</summary>
internal static class ApiJson
{
    public static void Apply(JsonSerializerOptions options)
    {
        var spelling = ResultJson.Options;
        options.PropertyNamingPolicy = spelling.PropertyNamingPolicy;
        options.DefaultIgnoreCondition = spelling.DefaultIgnoreCondition;
        options.WriteIndented = spelling.WriteIndented;
        options.Encoder = spelling.Encoder;
        foreach (var converter in spelling.Converters)
        {
            options.Converters.Add(converter);
        }
    }
}
