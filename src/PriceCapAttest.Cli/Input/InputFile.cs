using PriceCapAttest.Domain.Reading;

namespace PriceCapAttest.Cli.Input;

/// <summary>
/// A file to check. <see cref="Source"/> is what results name: the path as the user gave it, or for a file found
/// in a directory, that directory as given joined with the file's relative path ('/' separators).
/// <see cref="Format"/> is null for a file given explicitly whose extension is neither .json nor .csv.
/// </summary>
public sealed record InputFile(string Path, string Source, DocumentFormat? Format);
