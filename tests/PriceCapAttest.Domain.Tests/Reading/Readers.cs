using System.Text;
using PriceCapAttest.Domain.Reading;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Tests.Reading;

/// <summary>Shorthands for reading test content into a list.</summary>
internal static class Readers
{
    public static List<ParsedAttestation> Json(string json, ReaderLimits? limits = null) =>
        Json(Encoding.UTF8.GetBytes(json), limits);

    public static List<ParsedAttestation> Json(byte[] bytes, ReaderLimits? limits = null) =>
        [.. AttestationJsonReader.Read(new MemoryStream(bytes), limits ?? ReaderLimits.Default)];

    public static List<ParsedAttestation> Csv(string csv, ReaderLimits? limits = null) =>
        Csv(Encoding.UTF8.GetBytes(csv), limits);

    public static List<ParsedAttestation> Csv(byte[] bytes, ReaderLimits? limits = null) =>
        [.. AttestationCsvReader.Read(new MemoryStream(bytes), limits ?? ReaderLimits.Default)];

    public static ValidationIssue Single(this ParsedAttestation parsed, string field) =>
        Assert.Single(parsed.ReadErrors, e => e.Field == field);

    /// <summary>A stream that is not seekable (as from the network), to test limits checked while reading.</summary>
    public sealed class ForwardOnlyStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}
