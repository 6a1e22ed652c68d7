using System.Globalization;
using System.Runtime.InteropServices;

namespace PriceCapAttest.Benchmarks.Reporting;

/// <summary>What the figures were taken on: CPU, cores, memory, OS, .NET, GC mode.</summary>
public static class MachineInfo
{
    public static IReadOnlyList<(string Name, string Value)> Describe() =>
    [
        ("CPU", CpuModel()),
        ("Logical cores", Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture)),
        ("Memory", MemoryTotal()),
        ("OS", RuntimeInformation.OSDescription + " (" + RuntimeInformation.OSArchitecture + ")"),
        (".NET", RuntimeInformation.FrameworkDescription + " (" + RuntimeInformation.RuntimeIdentifier + ")"),
        ("GC", System.Runtime.GCSettings.IsServerGC ? "Server" : "Workstation, concurrent=" + System.Runtime.GCSettings.LatencyMode),
    ];

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }

    private static string MemoryTotal()
    {
        try
        {
            var line = File.ReadLines("/proc/meminfo").FirstOrDefault(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture, out var kb))
            {
                return (kb / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
            }
        }
        catch (IOException)
        {
        }

        return (GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024).ToString("0.0", CultureInfo.InvariantCulture) + " GiB";
    }
}
