using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using PriceCapAttest.Domain.Results;
using PriceCapAttest.Pipeline.Tests.Support;

namespace PriceCapAttest.Reliability.Tests.Corpus;

/// <summary>
/// Generates the corpus of hostile and broken documents into a folder, deterministically (same names and bytes on
/// every run; nothing of it is checked in, the 50 MB files least of all). Every document is derived from one valid
/// attestation (<see cref="Documents.Json"/> and its CSV twin) by one defect, so the defect is what is tested.
/// </summary>
public static class BadDocumentCorpus
{
    public const int LargeFileBytes = 50 * 1024 * 1024;

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The JSON leaves of the valid attestation, by path, replaced one at a time by a wrong type.</summary>
    private static readonly string[] Leaves =
    [
        "schemaVersion", "attestationId", "attestor.name", "attestor.tier", "attestor.country", "attestor.signatory",
        "attestor.signedAt", "vessel.imo", "vessel.name", "vessel.flag", "voyage.loadPort", "voyage.loadingDate",
        "voyage.dischargePort", "voyage.dischargeDate", "voyage.stsTransfer", "contract.reference", "contract.date",
        "cargo.product", "cargo.hsCode", "cargo.origin", "cargo.quantity.value", "cargo.quantity.unit",
        "cargo.apiGravity", "price.value", "price.currency", "price.unit", "price.basis",
    ];

    private static readonly string[] Numbers = ["price.value", "cargo.quantity.value", "cargo.apiGravity"];

    private static readonly string[] FormulaCells =
    [
        "=HYPERLINK(\"http://x\",\"y\")", "=1+1", "+SUM(A1:A2)", "-2+3", "@SUM(1)", "=cmd|' /C calc'!A0",
        "\t=1+1", "\r=1+1",
    ];

    public static string ValidJson(string id = "ATT-BAD-1") => Documents.Json(id);

    public static string ValidCsv(string id = "ATT-BAD-1") => Documents.Csv(id);

    /// <summary>Writes every document into <paramref name="folder"/> and describes each.</summary>
    public static IReadOnlyList<BadDocument> Generate(string folder)
    {
        Directory.CreateDirectory(folder);
        var corpus = new List<BadDocument>();

        BadDocument Write(string name, string category, byte[] bytes, Expectation expect = Expectation.Rejected, string? code = null, string? contains = null)
        {
            var path = Path.Combine(folder, name);
            File.WriteAllBytes(path, bytes);
            var document = new BadDocument(name, category, path, expect, code, contains);
            corpus.Add(document);
            return document;
        }

        void Text(string name, string category, string text, Expectation expect = Expectation.Rejected, string? code = null, string? contains = null) =>
            Write(name, category, Utf8.GetBytes(text), expect, code, contains);

        var json = ValidJson();
        var jsonBytes = Utf8.GetBytes(json);
        var csv = ValidCsv();
        var (header, row) = SplitCsv(csv);

        // 1. Truncated JSON: cut at 40 points spread over the document (never the whole of it).
        for (var i = 0; i < 40; i++)
        {
            var cut = (int)((long)(jsonBytes.Length - 2) * i / 40);
            Write(N("json-truncated", i, "json"), "truncated-json", jsonBytes[..cut]);
        }

        // 2. Malformed JSON.
        string[] malformed =
        [
            json.Replace("\"LR\" }", "\"LR\", }", StringComparison.Ordinal),
            json.Replace("\"schemaVersion\"", "'schemaVersion'", StringComparison.Ordinal),
            json.Replace("\"schemaVersion\"", "schemaVersion", StringComparison.Ordinal),
            "// comment\n" + json,
            json + "}",
            json + json,
            "{" + json,
            json.Replace(":", "=", StringComparison.Ordinal),
            json.Replace("\"crude\"", "\"cru\nde\"", StringComparison.Ordinal),
            json.Replace("\"crude\"", "\"cru\\qde\"", StringComparison.Ordinal),
            json.Replace("\"crude\"", "\"\\uD800\"", StringComparison.Ordinal),
            "",
            "   \n\t ",
            "null",
            "[]",
            "42",
            "\"an attestation\"",
            "true",
            "{\"attestations\": []}",
            "{\"attestations\": {}}",
            "{\"attestations\": [1, \"x\", null, []]}",
            "{}",
            "\0\0\0\0",
        ];
        for (var i = 0; i < malformed.Length; i++)
            Text(N("json-malformed", i, "json"), "malformed-json", malformed[i]);

        // 3. Wrong types: each leaf as the wrong kind of value (object, array; a string for a number, a number for a string).
        for (var i = 0; i < Leaves.Length; i++)
        {
            var leaf = Leaves[i];
            Text(N("json-wrongtype-object", i, "json"), "wrong-types", Replace(json, leaf, new JsonObject { ["x"] = 1 }));
            JsonNode wrong = IsNumberOrBoolean(json, leaf) ? JsonValue.Create("twelve") : JsonValue.Create(12);
            Text(N("json-wrongtype-scalar", i, "json"), "wrong-types", Replace(json, leaf, wrong));
        }

        Text("json-wrongtype-root-cargo-array.json", "wrong-types", Replace(json, "cargo", new JsonArray(1, 2)));
        Text("json-wrongtype-providers-object.json", "wrong-types", Replace(json, "serviceProviders", new JsonObject()));
        Text("json-wrongtype-costs-string.json", "wrong-types", Replace(json, "ancillaryCosts", JsonValue.Create("none")));

        // 4. NaN, Infinity and huge numbers, as bare tokens and as strings; 5. negative and zero amounts.
        string[] hostileNumbers =
        [
            "NaN", "Infinity", "-Infinity", "\"NaN\"", "\"Infinity\"", "1e400", "-1e400",
            "79228162514264337593543950336", "-79228162514264337593543950336", "1e-400", "1E+309",
            "123456789012345678901234567890123456789012345678901234567890", "0x10", "1_000",
            "-0", "0", "-1", "-46.00",
        ];
        string[] amountsOnly = ["-0", "0", "-1", "-46.00", "1e-400"];
        var bareToken = 0;
        foreach (var number in hostileNumbers)
        {
            foreach (var leaf in Numbers)
            {
                var name = N("json-number", bareToken++, "json");
                // Zero and negative values are fine for apiGravity; only amounts must be positive.
                if (leaf == "cargo.apiGravity" && amountsOnly.Contains(number))
                    continue;
                Text(name, "hostile-numbers", ReplaceRaw(json, leaf, number));
            }
        }

        // 6. Nesting 10,000 deep: at the root, inside a field, inside a batch.
        Text("json-deep-arrays.json", "deep-nesting", new string('[', 10_000) + new string(']', 10_000), code: ErrorCodes.NestingTooDeep);
        Text("json-deep-objects.json", "deep-nesting", Repeat("{\"a\":", 10_000) + "1" + new string('}', 10_000), code: ErrorCodes.NestingTooDeep);
        Text("json-deep-in-field.json", "deep-nesting", ReplaceRaw(json, "cargo.grade", new string('[', 10_000) + new string(']', 10_000)), code: ErrorCodes.NestingTooDeep);
        Text("json-deep-unclosed.json", "deep-nesting", new string('[', 10_000));
        Text("json-deep-batch.json", "deep-nesting", "{\"attestations\":[" + new string('{', 1) + Repeat("\"a\":{", 9_999) + new string('}', 10_000) + "]}", code: ErrorCodes.NestingTooDeep);

        // 7. Invalid UTF-8 in a value, in a key, at the end; overlong and surrogate encodings.
        byte[][] invalidUtf8 = [[0xC3, 0x28], [0xA0, 0xA1], [0xE2, 0x28, 0xA1], [0xF0, 0x28, 0x8C, 0xBC], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xFF], [0xF8, 0x88, 0x80, 0x80, 0x80]];
        for (var i = 0; i < invalidUtf8.Length; i++)
        {
            Write(N("json-invalid-utf8", i, "json"), "invalid-utf8", Splice(jsonBytes, "NORDIC STAR", invalidUtf8[i]), code: ErrorCodes.InvalidEncoding);
            Write(N("csv-invalid-utf8", i, "csv"), "invalid-utf8", Splice(Utf8.GetBytes(csv), "NORDIC STAR", invalidUtf8[i]), code: ErrorCodes.InvalidEncoding);
        }

        // 8. Byte order marks: UTF-16 and UTF-32 refused clearly; a UTF-8 BOM is accepted, so a broken document
        // behind one is rejected for its own defect.
        foreach (var (bomName, encoding) in new (string, Encoding)[]
                 {
                     ("utf16le", new UnicodeEncoding(bigEndian: false, byteOrderMark: true)),
                     ("utf16be", new UnicodeEncoding(bigEndian: true, byteOrderMark: true)),
                     ("utf32le", new UTF32Encoding(bigEndian: false, byteOrderMark: true)),
                 })
        {
            var named = bomName.StartsWith("utf16", StringComparison.Ordinal) ? "UTF-16" : "UTF-32";
            Write($"json-bom-{bomName}.json", "bom", [.. encoding.GetPreamble(), .. encoding.GetBytes(json)], code: ErrorCodes.InvalidEncoding, contains: named);
            Write($"csv-bom-{bomName}.csv", "bom", [.. encoding.GetPreamble(), .. encoding.GetBytes(csv)], code: ErrorCodes.InvalidEncoding, contains: named);
        }

        Write("json-bom-utf8-truncated.json", "bom", [0xEF, 0xBB, 0xBF, .. jsonBytes[..100]], code: ErrorCodes.InvalidJson);
        Write("json-bom-utf8-twice.json", "bom", [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF, .. jsonBytes]);
        Write("csv-bom-utf8-missing-column.csv", "bom", [0xEF, 0xBB, 0xBF, .. Utf8.GetBytes(DropColumn(csv, "price.value"))], code: ErrorCodes.MissingColumns);
        Write("json-bom-only.json", "bom", [0xEF, 0xBB, 0xBF]);
        Write("csv-bom-only.csv", "bom", [0xEF, 0xBB, 0xBF]);

        // 9. Batches: duplicate attestationIds (the first stands, the copies are rejected); all duplicates of an invalid one.
        var valid2 = ValidJson("ATT-BAD-2");
        Text("json-batch-duplicate-ids.json", "duplicate-ids", Documents.Batch(json, json), Expectation.PartlyRejected, ErrorCodes.DuplicateAttestationId);
        Text("json-batch-duplicate-ids-3.json", "duplicate-ids", Documents.Batch(json, valid2, json, json), Expectation.PartlyRejected, ErrorCodes.DuplicateAttestationId);
        Text("json-batch-duplicate-ids-amended.json", "duplicate-ids",
            Documents.Batch(json, Documents.Json("ATT-BAD-1", price: 40.00m)), Expectation.PartlyRejected, ErrorCodes.DuplicateAttestationId);
        Text("csv-duplicate-ids.csv", "duplicate-ids", header + "\n" + row + "\n" + row + "\n", Expectation.PartlyRejected, ErrorCodes.DuplicateAttestationId);
        Text("csv-duplicate-ids-3.csv", "duplicate-ids", header + "\n" + row + "\n" + SplitCsv(ValidCsv("ATT-BAD-2")).Row + "\n" + row + "\n", Expectation.PartlyRejected, ErrorCodes.DuplicateAttestationId);
        Text("json-batch-all-invalid.json", "duplicate-ids", Documents.Batch(Replace(json, "price.value", JsonValue.Create(-1)), Replace(json, "price.value", JsonValue.Create(-1))));

        // 10. CSV: embedded quotes and newlines (malformed, or well formed around another defect).
        string[] badQuoting =
        [
            header + "\n" + row.Replace("North P&I", "\"North P&I", StringComparison.Ordinal),
            header + "\n" + row.Replace("NORDIC STAR", "\"NORDIC STAR", StringComparison.Ordinal),
            header + "\n" + row.Replace("NORDIC STAR", "\"NORDIC\" STAR\"", StringComparison.Ordinal),
            header + "\n" + row.Replace("\"A. Meyer, Head of Compliance\"", "\"A. Meyer, Head of Compliance", StringComparison.Ordinal),
            header + "\n" + row.Replace("NORDIC STAR", "\"NORDIC\nSTAR\"", StringComparison.Ordinal).Replace("46", "-46", StringComparison.Ordinal),
            header + "\n" + row.Replace("NORDIC STAR", "\"NORDIC \"\"STAR\"\"\"", StringComparison.Ordinal).Replace(",RU,", ",,", StringComparison.Ordinal),
            header + "\n" + row.Replace("NORDIC STAR", "NORDIC\rSTAR", StringComparison.Ordinal),
            header + "\n" + row.Replace("NORDIC STAR", "NORDIC, STAR", StringComparison.Ordinal),
            header + "\n\"" + row,
            "\"" + header + "\n" + row,
            header + "\n" + row.Replace("2026-03-02", "\"2026-03-02\n\"", StringComparison.Ordinal),
            header + "\n" + row + "\"",
        ];
        for (var i = 0; i < badQuoting.Length; i++)
            Text(N("csv-quoting", i, "csv"), "csv-quotes-newlines", badQuoting[i]);

        // 11. Wrong delimiter.
        Text("csv-semicolon.csv", "csv-delimiter", csv.Replace(",", ";", StringComparison.Ordinal), code: ErrorCodes.MissingColumns, contains: "semicolon");
        Text("csv-tab.csv", "csv-delimiter", csv.Replace(",", "\t", StringComparison.Ordinal), code: ErrorCodes.MissingColumns, contains: "tab");
        Text("csv-pipe.csv", "csv-delimiter", csv.Replace(",", "|", StringComparison.Ordinal), code: ErrorCodes.MissingColumns);
        Text("csv-semicolon-decimal-comma.csv", "csv-delimiter",
            csv.Replace(",", ";", StringComparison.Ordinal).Replace("46.00", "46,00", StringComparison.Ordinal), code: ErrorCodes.MissingColumns);

        // 12. Missing columns (each required one), duplicate columns, more cells than the header, empty files.
        var required = PriceCapAttest.Domain.Reading.AttestationCsvReader.RequiredColumns;
        for (var i = 0; i < required.Count; i++)
            Text(N("csv-missing-column", i, "csv"), "csv-columns", DropColumn(csv, required[i]), code: ErrorCodes.MissingColumns);
        foreach (var (column, i) in new[] { "attestationId", "price.value", "vessel.imo", "cargo.quantity.value", "serviceProviders[0].role" }.Select((c, i) => (c, i)))
            Text(N("csv-duplicate-column", i, "csv"), "csv-columns", DuplicateColumn(csv, column), code: ErrorCodes.DuplicateColumn);
        Text("csv-extra-cells.csv", "csv-columns", header + "\n" + row + ",surplus,cells\n", code: ErrorCodes.InvalidCsv);
        Text("csv-empty.csv", "csv-columns", "", code: ErrorCodes.MissingColumns);
        Text("csv-header-only.csv", "csv-columns", header + "\n", code: ErrorCodes.NotAnAttestation);
        Text("csv-blank-lines-only.csv", "csv-columns", header + "\n\n\n\n", code: ErrorCodes.NotAnAttestation);
        Text("csv-no-header.csv", "csv-columns", row + "\n", code: ErrorCodes.MissingColumns);

        // 13. CSV cells of the wrong type and hostile numbers.
        string[] badCells = ["twelve", "NaN", "Infinity", "-Infinity", "1e400", "79228162514264337593543950336", "-1", "0", "1,5", "0x10", "١٢", "  "];
        for (var i = 0; i < badCells.Length; i++)
        {
            Text(N("csv-price", i, "csv"), "csv-cells", SetCell(csv, "price.value", badCells[i]));
            Text(N("csv-quantity", i, "csv"), "csv-cells", SetCell(csv, "cargo.quantity.value", badCells[i]));
        }

        foreach (var (column, value, i) in new[]
                 {
                     ("voyage.loadingDate", "02/03/2026"), ("voyage.loadingDate", "2026-02-30"), ("attestor.signedAt", "yesterday"),
                     ("attestor.tier", "1.5"), ("voyage.stsTransfer", "yes"), ("vessel.imo", "IMO 1234568"),
                 }.Select((c, i) => (c.Item1, c.Item2, i)))
        {
            Text(N("csv-cell", i, "csv"), "csv-cells", SetCell(csv, column, value));
        }

        // 14. Formula-injection cells in names (CSV and JSON).
        for (var i = 0; i < FormulaCells.Length; i++)
        {
            Text(N("csv-formula-attestor", i, "csv"), "formula-injection", SetCell(csv, "attestor.name", FormulaCells[i]));
            Text(N("csv-formula-vessel", i, "csv"), "formula-injection", SetCell(csv, "vessel.name", FormulaCells[i]));
            Text(N("json-formula-attestor", i, "json"), "formula-injection", Replace(json, "attestor.name", JsonValue.Create(FormulaCells[i])));
        }

        // 15. Files of 50 MB: a JSON string value and CSV rows, never to be read whole.
        corpus.Add(WriteLarge(folder, "json-50mb.json", "{\"attestationId\":\"", "x", "\"}"));
        corpus.Add(WriteLarge(folder, "csv-50mb.csv", header + "\n", row + "\n", ""));
        return corpus;
    }

    private static BadDocument WriteLarge(string folder, string name, string head, string filler, string tail)
    {
        var path = Path.Combine(folder, name);
        using (var file = File.Create(path))
        {
            var headBytes = Utf8.GetBytes(head);
            var tailBytes = Utf8.GetBytes(tail);
            file.Write(headBytes);
            var block = Utf8.GetBytes(string.Concat(Enumerable.Repeat(filler, Math.Max(1, 64 * 1024 / filler.Length))));
            long written = headBytes.Length;
            while (written + tailBytes.Length < LargeFileBytes)
            {
                var count = (int)Math.Min(block.Length, LargeFileBytes - tailBytes.Length - written);
                file.Write(block, 0, count);
                written += count;
            }

            file.Write(tailBytes);
        }

        return new BadDocument(name, "large-file", path, Code: ErrorCodes.FileTooLarge);
    }

    private static string N(string prefix, int i, string extension) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:000}.{extension}");

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();

    private static JsonNode Parse(string json) => JsonNode.Parse(json)!;

    private static (JsonObject Parent, string Key) Locate(JsonNode root, string path)
    {
        var parts = path.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
            node = node[part]!;
        return ((JsonObject)node, parts[^1]);
    }

    private static bool IsNumberOrBoolean(string json, string path)
    {
        var (parent, key) = Locate(Parse(json), path);
        return parent[key] is JsonValue value && (value.TryGetValue<double>(out _) || value.TryGetValue<bool>(out _));
    }

    private static string Replace(string json, string path, JsonNode? value)
    {
        var root = Parse(json);
        var (parent, key) = Locate(root, path);
        parent[key] = value;
        return root.ToJsonString();
    }

    /// <summary>Puts raw JSON text (not necessarily valid JSON) as the value of a leaf.</summary>
    private static string ReplaceRaw(string json, string path, string raw)
    {
        const string Marker = "\"__RAW__\"";
        return Replace(json, path, JsonValue.Create("__RAW__")).Replace(Marker, raw, StringComparison.Ordinal);
    }

    private static byte[] Splice(byte[] content, string at, byte[] bytes)
    {
        var text = Utf8.GetBytes(at);
        var index = content.AsSpan().IndexOf(text);
        return [.. content[..index], .. bytes, .. content[index..]];
    }

    private static (string Header, string Row) SplitCsv(string csv)
    {
        var lines = csv.TrimEnd('\n').Split('\n');
        return (lines[0], lines[1]);
    }

    /// <summary>The cells of a row: the valid rows quote only the signatory, which holds a comma.</summary>
    private static List<string> Cells(string line)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        foreach (var c in line)
        {
            if (c == '"')
                quoted = !quoted;
            if (c == ',' && !quoted)
            {
                cells.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        cells.Add(current.ToString());
        return cells;
    }

    private static string DropColumn(string csv, string column)
    {
        var (header, row) = SplitCsv(csv);
        var names = Cells(header);
        var cells = Cells(row);
        var i = names.IndexOf(column);
        names.RemoveAt(i);
        cells.RemoveAt(i);
        return string.Join(',', names) + "\n" + string.Join(',', cells) + "\n";
    }

    private static string DuplicateColumn(string csv, string column)
    {
        var (header, row) = SplitCsv(csv);
        var names = Cells(header);
        var cells = Cells(row);
        var i = names.IndexOf(column);
        return string.Join(',', names.Append(column)) + "\n" + string.Join(',', cells.Append(cells[i])) + "\n";
    }

    private static string SetCell(string csv, string column, string value)
    {
        var (header, row) = SplitCsv(csv);
        var names = Cells(header);
        var cells = Cells(row);
        cells[names.IndexOf(column)] = "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        return header + "\n" + string.Join(',', cells) + "\n";
    }
}
