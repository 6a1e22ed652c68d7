namespace PriceCapAttest.Domain.Tests;

/// <summary>
/// Tests that measure the process's managed memory (GC.GetTotalMemory). It counts every thread's objects, so these run
/// with no other test of the assembly beside them: another test's allocations would otherwise count as theirs.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurements
{
    public const string Name = "Memory measurements";
}
