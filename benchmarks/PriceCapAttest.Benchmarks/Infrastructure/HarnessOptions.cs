using System.Globalization;

namespace PriceCapAttest.Benchmarks.Infrastructure;

/// <summary>The command line of the harness and the sizes it implies (full run or smoke run).</summary>
public sealed class HarnessOptions
{
    public bool Smoke { get; private init; }

    /// <summary>Sections to run: check, csv, ingest, trigger, bulk, query, rescreen, console (all by default).</summary>
    public IReadOnlySet<string> Sections { get; private init; } = AllSections;

    public string RepositoryRoot { get; private init; } = "";

    public string Configuration { get; private init; } = "Release";

    public string OutputPath { get; private init; } = "";

    public string WorkDirectory { get; private init; } = "";

    public string CommandLine { get; private init; } = "";

    public static readonly IReadOnlySet<string> AllSections = new HashSet<string>(["check", "csv", "ingest", "trigger", "bulk", "query", "rescreen", "console"]);

    public int[] CsvRows => Smoke ? [2_000, 20_000] : [100_000, 1_000_000];

    public int IngestDocuments => Smoke ? 100 : 5_000;

    public int IngestRuns => Smoke ? 1 : 2;

    /// <summary>Documents processed at once by both sides of the ingest comparison (host.json blobs.maxDegreeOfParallelism).</summary>
    public int Parallelism { get; private init; } = 8;

    public int TriggerDocuments => Smoke ? 40 : 1_000;

    public int TriggerPacedDocuments => Smoke ? 10 : 100;

    /// <summary>Rows of the one CSV the bulk section uploads through the local host.</summary>
    public int BulkRows => Smoke ? 200 : 10_000;

    /// <summary>Attestations stored before the corrected schedule is published in the rescreen section.</summary>
    public int RescreenAttestations => Smoke ? 200 : 10_000;

    /// <summary>Measured loads of each console page, cold (a new browser context each) and warm (reloads) alike.</summary>
    public int ConsoleLoads => Smoke ? 3 : 30;

    /// <summary>Attestations of the one vessel the console section stores (more than the vessel page's 50 a page).</summary>
    public int ConsoleVesselAttestations => 60;

    public int QueryAttestations { get; private init; } = 100_000;

    public int QueryVessels => Math.Max(1, QueryAttestations / 100);

    public int QueryRequests => Smoke ? 50 : 2_000;

    public static HarnessOptions Parse(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var smoke = false;
        string? output = null;
        string? only = null;
        var parallelism = 8;
        int? queryAttestations = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--smoke":
                    smoke = true;
                    break;
                case "--out":
                    output = args[++i];
                    break;
                case "--only":
                    only = args[++i];
                    break;
                case "--query-attestations":
                    queryAttestations = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--parallelism":
                    parallelism = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Use --smoke, --out <file>, --only check,csv,ingest,trigger,bulk,query,rescreen,console, --parallelism <n>, --query-attestations <n>.");
            }
        }

        var root = PriceCapAttest.Testing.RepositoryRoot.Path;
        var sections = only is null
            ? AllSections
            : new HashSet<string>(only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var unknown = sections.Except(AllSections).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"Unknown section(s): {string.Join(", ", unknown)}.");
        }

        var work = Path.Combine(Path.GetTempPath(), "pricecap-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        Directory.CreateDirectory(work);
        return new HarnessOptions
        {
            Smoke = smoke,
            Sections = sections,
            RepositoryRoot = root,
#if DEBUG
            Configuration = "Debug",
#else
            Configuration = "Release",
#endif
            OutputPath = Path.GetFullPath(output ?? Path.Combine(root, "benchmarks", "results", smoke ? "smoke.md" : "latest.md")),
            WorkDirectory = work,
            Parallelism = parallelism,
            QueryAttestations = queryAttestations ?? (smoke ? 500 : 100_000),
            CommandLine = "./bench.sh" + (args.Length > 0 ? " " + string.Join(' ', args) : ""),
        };
    }

    /// <summary>The built program of a project of this repository (same configuration as the harness).</summary>
    public string ProgramPath(string projectDirectory, string assemblyName)
    {
        var path = Path.Combine(RepositoryRoot, projectDirectory, "bin", Configuration, "net10.0", assemblyName + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"{path} is missing: build the solution in {Configuration} first (./bench.sh does).", path);
    }
}
