using DataGateway.Storage.Audit;

namespace DataGateway.Storage.Tests.Audit;

/// <summary>Test data: entries with every field set, so a tamper of any column is meaningful.</summary>
internal static class Some
{
    public static AuditEntry Entry(int i) => new()
    {
        Actor = $"actor-{i}",
        Role = "institution",
        Institution = "bank-001",
        Subject = "91350100M000100Y43",
        Purpose = "credit-review",
        Kind = "verification",
        QueryHash = $"qh-{i}",
        Decision = i % 3 == 0 ? "denied" : "allowed",
        Reason = i % 3 == 0 ? "consent_required" : "ok",
        ConsentId = $"consent-{i}",
        PolicyVersion = "pv-1",
        ResultDigest = $"digest-{i}",
        Node = "node-a",
        LatencyMicros = 1000 + i,
        ClientRequestId = $"req-{i}",
        Predicates = ["revenue_gt", $"employees_gt_{i}"],
    };

    /// <summary>Field-by-field equality; records compare lists by reference.</summary>
    public static bool SameEntry(AuditEntry a, AuditEntry b) =>
        a with { Predicates = [] } == b with { Predicates = [] } && a.Predicates.SequenceEqual(b.Predicates);
}
