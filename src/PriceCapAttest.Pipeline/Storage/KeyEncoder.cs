using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PriceCapAttest.Pipeline.Storage;

/// <summary>
/// Turns any text (shipper ids, attestation ids, blob names, ETags) into a Table Storage key part, which must not
/// hold / \ # ? or control characters (pitfall 5).
/// <list type="bullet">
/// <item>ASCII letters, digits, '-', '_' and '.' stay; every other UTF-8 byte becomes <c>~XX</c> (upper-case hex),
/// so '|' never appears inside an encoded part and can join parts (<see cref="Join"/>), and '~' itself is escaped.</item>
/// <item>A '.' at the start or end is escaped too, so "." and ".." (and names ending in dots, which some HTTP
/// stacks trim) cannot reach a key as such.</item>
/// <item>An encoded part longer than <see cref="MaxPartLength"/> characters is cut and ends with
/// <c>~H</c> plus 32 hex digits of the SHA-256 of the original text: still unique, and keys stay well under the
/// 1 KiB limit even when three parts are joined. Such keys are not decodable: entities keep the original values
/// in properties.</item>
/// </list>
/// The encoding is the same as <c>AlertKeys.Encode</c> for ordinary ids, and ordinal order of ids made of the
/// unescaped characters is kept.
/// </summary>
public static class KeyEncoder
{
    public const char Separator = '|';

    /// <summary>The longest encoded part (characters); longer ones are cut and suffixed with a hash.</summary>
    public const int MaxPartLength = 240;

    private const string HashMarker = "~H";
    private const int HashHexLength = 32;

    public static string Encode(string value)
    {
        ArgumentException.ThrowIfNullOrEmpty(value);
        var builder = new StringBuilder(value.Length + 8);
        Span<byte> bytes = stackalloc byte[4];
        var index = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            var isEdge = index == 0 || index + rune.Utf16SequenceLength == value.Length;
            index += rune.Utf16SequenceLength;
            if (rune.IsAscii && IsKept((char)rune.Value) && !(rune.Value == '.' && isEdge))
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var count = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..count])
            {
                builder.Append('~').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        if (builder.Length <= MaxPartLength)
        {
            return builder.ToString();
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)))[..HashHexLength];
        var keep = MaxPartLength - HashMarker.Length - HashHexLength;
        // Never cut inside a ~XX escape.
        var cut = keep;
        for (var i = Math.Max(0, keep - 2); i < keep; i++)
        {
            if (builder[i] == '~')
            {
                cut = i;
                break;
            }
        }

        return builder.ToString(0, cut) + HashMarker + hash;
    }

    /// <summary>The original text of an encoded part, or null for a part that was cut and hashed.</summary>
    public static string? TryDecode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        if (encoded.Contains(HashMarker, StringComparison.Ordinal))
        {
            return null;
        }

        var bytes = new List<byte>(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '~')
            {
                if (i + 2 >= encoded.Length ||
                    !byte.TryParse(encoded.AsSpan(i + 1, 2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var b))
                {
                    return null;
                }

                bytes.Add(b);
                i += 2;
            }
            else
            {
                bytes.Add((byte)encoded[i]);
            }
        }

        return Encoding.UTF8.GetString([.. bytes]);
    }

    /// <summary>Encodes each part and joins them with '|'.</summary>
    public static string Join(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return string.Join(Separator, parts.Select(Encode));
    }

    /// <summary>True when the key holds none of the characters Table Storage forbids in keys.</summary>
    public static bool IsSafeKey(string key) =>
        key.Length is > 0 and <= 1024 && key.All(c => c is not ('/' or '\\' or '#' or '?') && !char.IsControl(c));

    private static bool IsKept(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
}
