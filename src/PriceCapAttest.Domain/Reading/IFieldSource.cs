namespace PriceCapAttest.Domain.Reading;

/// <summary>
/// One object of an attestation as a reader sees it (the root, a section such as <c>attestor</c>, or a list entry),
/// so that <see cref="AttestationMapper"/> maps JSON and CSV through the same code. Each getter returns null for an
/// absent value and for a value it cannot read, which it reports under the field's JSON path.
/// </summary>
internal interface IFieldSource<TSelf>
    where TSelf : struct, IFieldSource<TSelf>
{
    string? GetString(FieldName name);

    decimal? GetDecimal(FieldName name);

    int? GetInteger(FieldName name);

    bool? GetBoolean(FieldName name);

    DateOnly? GetDate(FieldName name);

    DateTimeOffset? GetInstant(FieldName name);

    /// <summary>A nested object; false when absent or unreadable.</summary>
    bool TryGetSection(FieldName name, out TSelf section);

    /// <summary>A list of objects in document order; an entry that is not an object is reported and mapped to
    /// <paramref name="unreadable"/>, so that positions (and the paths of later errors) stay those of the file.</summary>
    IReadOnlyList<T> GetList<T>(FieldName name, Func<TSelf, T> map, T unreadable);

    /// <summary>An object whose properties are keys to decimals (fxRatesToUsd).</summary>
    IReadOnlyDictionary<string, decimal?> GetDecimalMap(FieldName name);
}
