using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using PriceCapAttest.Domain.Documents;
using PriceCapAttest.Domain.Results;

namespace PriceCapAttest.Domain.Reading;

/// <summary>
/// Reads attestation document v1 from UTF-8 JSON: one attestation object, or a batch
/// <c>{ "attestations": [ {...}, ... ] }</c>. Never throws because of the content: a file that cannot be read as
/// attestations gives one <see cref="ParsedAttestation.Unreadable"/> element with its errors (field "$"), a batch
/// entry that is not an object gives an element with an error at <c>attestations[i]</c>, and a value of the wrong
/// type is reported under its JSON path and left null. Unknown top-level properties are ignored; unknown properties
/// inside sections are errors in a version whose fields are known (1.0, 1.1: <see cref="KnownFields"/>) and ignored
/// in a later one, so later minor versions stay readable. Only a failure of the stream itself
/// (<see cref="IOException"/>) propagates.
/// </summary>
public static class AttestationJsonReader
{
    private const string BatchProperty = "attestations";
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    public static IEnumerable<ParsedAttestation> Read(Stream utf8Json, ReaderLimits limits)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        ArgumentNullException.ThrowIfNull(limits);
        return ReadIterator(utf8Json, limits);
    }

    private static IEnumerable<ParsedAttestation> ReadIterator(Stream stream, ReaderLimits limits)
    {
        var buffer = ReadAll(stream, limits.MaxBytes, out var length);
        if (buffer is null)
        {
            yield return ParsedAttestation.Unreadable(ReadIssues.FileTooLarge(limits));
            yield break;
        }

        JsonDocument? document = null;
        try
        {
            var content = new ReadOnlyMemory<byte>(buffer, 0, length);
            if (content.Span.StartsWith(Utf8Bom))
                content = content[Utf8Bom.Length..];

            var failure = Parse(content, limits, out document);
            if (failure is not null)
            {
                yield return ParsedAttestation.Unreadable(failure);
                yield break;
            }

            var root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                yield return ParsedAttestation.Unreadable(ReadIssues.File(ErrorCodes.NotAnAttestation,
                    $"The file holds {JsonFieldSource.Describe(root)}, not an attestation: expected one attestation object " +
                    "or a batch { \"attestations\": [ ... ] }."));
                yield break;
            }

            if (!root.TryGetProperty(BatchProperty, out var batch))
            {
                yield return ReadOne(0, root);
                yield break;
            }

            var batchFailure = CheckBatch(batch, limits);
            if (batchFailure is not null)
            {
                yield return ParsedAttestation.Unreadable(batchFailure);
                yield break;
            }

            var index = 0;
            foreach (var element in batch.EnumerateArray())
            {
                yield return element.ValueKind == JsonValueKind.Object
                    ? ReadOne(index, element)
                    : new ParsedAttestation(index, null,
                    [
                        ReadIssues.WrongType($"{BatchProperty}[{index}]", "an attestation object",
                            JsonFieldSource.Describe(element)),
                    ]);
                index++;
            }
        }
        finally
        {
            document?.Dispose();
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static ParsedAttestation ReadOne(int index, JsonElement attestation)
    {
        var errors = new ReadErrors();
        AttestationDocument document = AttestationMapper.Map(new JsonFieldSource(attestation, "", errors));
        KnownFields.Of(document.SchemaVersion)?.Check(attestation, errors);
        return new ParsedAttestation(index, document, errors.ToList());
    }

    private static ValidationIssue? CheckBatch(JsonElement batch, ReaderLimits limits)
    {
        if (batch.ValueKind != JsonValueKind.Array)
        {
            return ReadIssues.WrongType(BatchProperty, "an array of attestation objects", JsonFieldSource.Describe(batch));
        }
        var count = batch.GetArrayLength();
        if (count == 0)
            return ReadIssues.File(ErrorCodes.NotAnAttestation, "The batch holds no attestations.");
        if (count > limits.MaxAttestationsPerFile)
        {
            return ReadIssues.File(ErrorCodes.TooManyAttestations, string.Create(CultureInfo.InvariantCulture,
                $"The batch holds {count} attestations; at most {limits.MaxAttestationsPerFile} are accepted in one file."));
        }
        return null;
    }

    /// <summary>Validates the encoding and parses; returns the file error, or null with the document.</summary>
    private static ValidationIssue? Parse(ReadOnlyMemory<byte> content, ReaderLimits limits, out JsonDocument? document)
    {
        document = null;
        if (ReadIssues.ForeignByteOrderMark(content.Span) is { } foreign)
            return foreign;
        if (!Utf8.IsValid(content.Span))
        {
            return ReadIssues.File(ErrorCodes.InvalidEncoding, string.Create(CultureInfo.InvariantCulture,
                $"The file is not valid UTF-8 (invalid bytes at offset {FirstInvalidUtf8Offset(content.Span)})."));
        }
        if (content.IsEmpty)
            return ReadIssues.File(ErrorCodes.InvalidJson, "The file is empty.");
        try
        {
            document = JsonDocument.Parse(content, new JsonDocumentOptions { MaxDepth = limits.MaxDepth });
            return null;
        }
        catch (JsonException e)
        {
            if (ExceedsDepth(content.Span, limits.MaxDepth))
            {
                return ReadIssues.File(ErrorCodes.NestingTooDeep, string.Create(CultureInfo.InvariantCulture,
                    $"The JSON nests objects and arrays more than {limits.MaxDepth} levels deep."));
            }
            var line = (e.LineNumber ?? 0) + 1;
            var position = (e.BytePositionInLine ?? 0) + 1;
            return ReadIssues.File(ErrorCodes.InvalidJson, string.Create(CultureInfo.InvariantCulture,
                $"The file is not valid JSON: error at line {line}, position {position} ({Reason(e)})."));
        }
    }

    /// <summary>Reads the stream into a pooled buffer; null (nothing kept) when it holds more than maxBytes.</summary>
    private static byte[]? ReadAll(Stream stream, long maxBytes, out int length)
    {
        length = 0;
        var remaining = stream.CanSeek ? stream.Length - stream.Position : -1;
        if (remaining > maxBytes)
            return null;
        var limit = (int)Math.Min(maxBytes, Array.MaxLength - 1);
        var buffer = ArrayPool<byte>.Shared.Rent(remaining >= 0 ? (int)remaining + 1 : Math.Min(limit + 1, 16 * 1024));
        while (true)
        {
            if (length == buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limit + 1L));
                buffer.AsSpan(0, length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(buffer);
                buffer = larger;
            }
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
                return buffer;
            length += read;
            if (length > limit)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                return null;
            }
        }
    }

    /// <summary>True when the JSON is well formed up to a container nested deeper than maxDepth.</summary>
    private static bool ExceedsDepth(ReadOnlySpan<byte> json, int maxDepth)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = maxDepth + 1 });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                    && reader.CurrentDepth >= maxDepth)
                    return true;
            }
        }
        catch (JsonException)
        {
        }
        return false;
    }

    private static int FirstInvalidUtf8Offset(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) != OperationStatus.Done)
                return offset;
            offset += consumed;
        }
        return offset;
    }

    /// <summary>The parser's reason without its own position suffix (which counts from zero).</summary>
    private static string Reason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }
}
