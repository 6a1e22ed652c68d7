namespace PriceCapAttest.Benchmarks.WebConsole;

/// <summary>One console file of a load: its name under /console/, bytes on the wire (headers included) and body bytes.</summary>
public sealed record ConsoleFile(string Name, long Transferred, long Body);

/// <summary>One load of a console page: milliseconds from navigation start to rendered with its data, and its own files.</summary>
public sealed record PageLoad(double Milliseconds, IReadOnlyList<ConsoleFile> Files)
{
    public long Transferred => Files.Sum(f => f.Transferred);
}
