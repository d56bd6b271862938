using Prometheus;

namespace DataGateway.Gateway.Diagnostics;

/// <summary>Prometheus metrics of the query pipeline, served at <c>/metrics</c>. Labels are bounded codes only.</summary>
internal static class GatewayMetrics
{
    public static readonly Counter Verifications = Metrics.CreateCounter(
        "dg_verifications_total", "Verification requests by decision and problem code.", "decision", "code");

    public static readonly Counter EgressViolations = Metrics.CreateCounter(
        "dg_egress_violations_total", "Node responses refused by the egress guard.", "node");

    public static readonly Counter AuditFailures = Metrics.CreateCounter(
        "dg_audit_append_failures_total", "Requests refused because the audit log could not record them.");

    public static readonly Histogram VerificationSeconds = Metrics.CreateHistogram(
        "dg_verification_duration_seconds", "Verification pipeline latency.",
        new HistogramConfiguration { Buckets = Histogram.ExponentialBuckets(0.0005, 2, 14) });
}
