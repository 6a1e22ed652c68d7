namespace PriceCapAttest.Infra.Tests.Arm;

/// <summary>Syntax tree of one ARM template expression (the text between the outer square brackets).</summary>
public abstract record ArmNode;

public sealed record LiteralNode(object? Value) : ArmNode;

public sealed record CallNode(string Function, IReadOnlyList<ArmNode> Arguments) : ArmNode;

public sealed record MemberNode(ArmNode Target, string Member) : ArmNode;

public sealed record IndexNode(ArmNode Target, ArmNode Index) : ArmNode;
