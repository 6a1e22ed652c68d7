namespace PriceCapAttest.Infra.Tests.Arm;

/// <summary>
/// A value known only at deployment time (a reference() to a deployed resource, a principal id, a key). Renders as
/// "?" inside strings so that names and resource ids stay readable, and propagates through everything else.
/// </summary>
public sealed class Unknown
{
    public static readonly Unknown Value = new();

    private Unknown()
    {
    }

    public override string ToString() => "?";
}
