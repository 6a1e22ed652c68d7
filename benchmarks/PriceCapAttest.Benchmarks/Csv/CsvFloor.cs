using Sylvan.Data.Csv;

namespace PriceCapAttest.Benchmarks.Csv;

/// <summary>
/// The floor of the CSV figures, run as a child process of this program (<c>--csv-floor FILE</c>), so it pays the
/// same process start-up and runtime as <c>pricecap check</c>: Sylvan.Data.Csv (the library the Domain's reader is
/// built on) reads every cell of every row as a span, with the same options (header, comma, RFC 4180), and nothing
/// else. Prints the row count and the number of characters read, so the work cannot be skipped.
/// </summary>
public static class CsvFloor
{
    public static int Run(string path)
    {
        using var text = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        using var csv = CsvDataReader.Create(text, new CsvDataReaderOptions
        {
            HasHeaders = true,
            Delimiter = ',',
            CsvStyle = CsvStyle.Standard,
            Comment = '\0',
        });
        long rows = 0;
        long chars = 0;
        while (csv.Read())
        {
            for (var i = 0; i < csv.RowFieldCount; i++)
            {
                chars += csv.GetFieldSpan(i).Length;
            }

            rows++;
        }

        Console.WriteLine($"{rows} rows, {chars} characters");
        return 0;
    }
}
