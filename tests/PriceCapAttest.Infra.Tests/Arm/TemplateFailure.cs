namespace PriceCapAttest.Infra.Tests.Arm;

/// <summary>The template called fail(): the deployment would stop with <see cref="Exception.Message"/>.</summary>
public sealed class TemplateFailure(string message) : Exception(message);
