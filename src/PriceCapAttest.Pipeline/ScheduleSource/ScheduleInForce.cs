using System.Security.Cryptography;
using System.Text;
using PriceCapAttest.Domain;

namespace PriceCapAttest.Pipeline.ScheduleSource;

/// <summary>
/// The cap schedule in force with its checker and its exact text, and the SHA-256 of that text: the identity of a
/// schedule for re-screening (two publications of the same bytes are the same schedule, whatever their ETags).
/// </summary>
public sealed record ScheduleInForce(AttestationChecker Checker, string Json, string Sha256)
{
    public string Version => Checker.Schedule.Version;

    public static string HashOf(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    public static ScheduleInForce Of(AttestationChecker checker, string json) => new(checker, json, HashOf(json));
}
