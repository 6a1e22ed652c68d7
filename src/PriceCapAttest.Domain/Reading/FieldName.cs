using System.Text;

namespace PriceCapAttest.Domain.Reading;

/// <summary>
/// A field's JSON name as text (CSV columns, error paths) and as UTF-8, so that the JSON reader looks properties up
/// without transcoding the name for every lookup of every document.
/// </summary>
internal sealed record FieldName(string Text)
{
    public byte[] Utf8 { get; } = Encoding.UTF8.GetBytes(Text);

    public override string ToString() => Text;
}
