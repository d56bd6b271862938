using System.Buffers.Text;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Attestation;
using DataGateway.Gateway.Auditing;
using DataGateway.Gateway.Diagnostics;
using DataGateway.Gateway.Forwarding;
using DataGateway.Gateway.Policies;
using DataGateway.Gateway.Verification;
using DataGateway.Privacy.Budget;
using DataGateway.Privacy.Mechanisms;
using DataGateway.Storage.Budget;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DataGateway.Gateway.Aggregates;

/// <summary>
/// <c>POST /v1/aggregates</c>: noisy, thresholded counts, sums and means over the enterprise
/// population, paid for from the institution's privacy budget before anything is computed.
/// </summary>
/// <remarks>
/// <code>
/// bank --HTTPS+JWT--> [1 authenticate] -> [2 admit] -> [3 cache?] --hit--> [8 audit] -> [9 release]
///      -> [4a audit intent, durable] -> [4b reserve ε, durable] -> [5 ticket + 6 forward to EVERY node]
///      --> nodes (exact partials per group) -> [7 egress guard per node]
///      -> [8 combine, noise + suppress every domain group, cache, audit] -> [9 release]
/// </code>
/// Step 3: an identical query (same hash) in the same period gets the stored answer at no cost,
/// never fresh noise for free (RELIABILITY.md D8). Step 4a is audit-before-forward (RELIABILITY.md
/// design consequence 1): no node computes for a query the log has not recorded, and it comes before
/// the reservation so that a log that cannot record refuses with nothing spent. Step 4b is one
/// conditional UPDATE, committed before any node computes (D1, C3); it is never refunded: a failure
/// after it (node down, egress violation, audit store down) keeps the reservation spent. That is
/// deliberate: whether anything leaked cannot be known once a node computed, and the answer is cached
/// before the outcome's audit write, so a retry after an audit outage (A9) returns the same paid-for
/// answer for free. Refusals before step 4b spend nothing. Every request is audited with kind <c>aggregate</c>, the
/// query hash and epsilon (in the entry's term list), never a value.
/// </remarks>
internal sealed class AggregatePipeline(
    PolicyStore policies,
    SqlitePrivacyLedger ledger,
    NodeRouter router,
    NodeCaller nodes,
    AggregateMechanism mechanism,
    Attestor attestor,
    AuditRecorder audit,
    TimeProvider time,
    ILogger<AggregatePipeline> logger)
{
    /// <summary>Largest request body accepted.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    /// <summary>The node endpoint.</summary>
    public const string NodePath = "/internal/v1/aggregates";

    /// <summary>The ticket kind the node endpoint expects.</summary>
    public const string TicketKind = "aggregate";

    /// <summary>The ticket purpose when the institution declared none.</summary>
    public const string StatisticsPurpose = "statistics";

    public async Task HandleAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var policy = policies.Current;
        var rules = policy.Aggregates;
        var draft = AuditDraft.Start(context, TicketKind, policy.Version);
        try
        {
            // :: Step 2 admit: body limit, strict JSON, institution, metric, field, dimensions, filter, epsilon, purpose.
            var body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
            var request = AggregateAdmission.Parse(body);
            var institution = draft.Institution is { } id && policy.Institutions.TryGetValue(id, out var registered)
                ? registered
                : throw new AdmissionException(ProblemCodes.InstitutionNotRegistered);
            var query = AggregateAdmission.Admit(request, institution, policy);
            draft.Purpose = query.Purpose;
            draft.Predicates = query.AuditTerms();
            var nodeBody = JsonSerializer.SerializeToUtf8Bytes(ToNodeRequest(query), AggregateJson.Default.NodeAggregateRequest);
            draft.QueryHash = AggregateQueryHash.Of(query, rules.Suppression, nodeBody);
            var now = time.GetUtcNow();
            var period = rules.PeriodStart(now);

            // :: Step 3 cache: the answer already paid for in this period, if any.
            if (await Ledger(() => ledger.FindAnswerAsync(institution.Id, period, draft.QueryHash, CancellationToken.None)) is { } cached)
            {
                draft.Predicates = [.. draft.Predicates, "cached"];
                var spentSoFar = await Ledger(() => ledger.SpentAsync(institution.Id, period, CancellationToken.None));
                await ReleaseAsync(context, draft, cached, epsilonSpent: 0m, Remaining(rules, spentSoFar), started);
                return;
            }

            // :: Step 4a make the intent durable: before anything is spent or any node computes.
            var destinations = router.All();
            if (destinations.Count == 0)
            {
                throw new AdmissionException(ProblemCodes.NodeUnavailable);
            }

            draft.Node = string.Join(',', destinations.Select(d => d.Id));
            await audit.RecordAsync(draft.Intent(AuditedRefusal.MicrosSince(started)));

            // :: Step 4b reserve epsilon: one conditional UPDATE, durable before any node computes.
            var reservation = await Ledger(() => ledger.TryReserveAsync(
                institution.Id, period, query.Epsilon.MicroUnits, rules.BudgetCap.MicroUnits, draft.QueryHash, now, CancellationToken.None));
            if (!reservation.Reserved)
            {
                throw new AdmissionException(ProblemCodes.BudgetExhausted, retryAfter: period + rules.Period - now);
            }

            draft.Predicates = [.. draft.Predicates, "spent:" + query.Epsilon];

            // :: Steps 5-6 ticket and forward to every node: each returns exact partials of its own records.
            var partials = await CallEveryNodeAsync(context, draft, destinations, query, nodeBody, institution.Id);

            // :: Step 8 noise and suppress every group of the public domain; cache before the audit write.
            var groups = AggregateRelease.Compute(query, partials, mechanism, rules.Suppression);
            var answer = JsonSerializer.Serialize(groups, AggregateJson.Default.AggregateGroupArray);
            var stored = await Ledger(() => ledger.StoreAnswerAsync(institution.Id, period, draft.QueryHash, answer, now, CancellationToken.None));
            await ReleaseAsync(context, draft, stored, query.Epsilon.ToDecimal(), Remaining(rules, reservation.SpentMicro), started);
        }
        catch (AdmissionException refusal)
        {
            await AuditedRefusal.WriteAsync(context, audit, draft, refusal, started);
        }
        catch (EgressViolationException violation)
        {
            GatewayLog.EgressViolation(logger, draft.Node ?? "unknown", violation.Reason);
            GatewayMetrics.EgressViolations.WithLabels(draft.Node ?? "unknown").Inc();
            await AuditedRefusal.WriteAsync(context, audit, draft, new AdmissionException(ProblemCodes.EgressViolation), started);
        }
    }

    private async Task<Dictionary<string, PartialAggregate>> CallEveryNodeAsync(
        HttpContext context, AuditDraft draft, IReadOnlyList<NodeDestination> destinations, AdmittedAggregate query, byte[] nodeBody, string institution)
    {
        var claims = new NodeCaller.TicketClaims(institution, NodeCaller.NoSubject, query.Purpose ?? StatisticsPurpose, TicketKind, null);

        // NodeCaller carries one exchange per HttpContext, so each node gets its own carrier
        // context; the client's context is never handed to YARP here.
        var exchanges = await Task.WhenAll(destinations.Select(destination =>
            nodes.CallAsync(Carrier(context), destination, NodePath, nodeBody, claims)));

        var combined = new Dictionary<string, PartialAggregate>(StringComparer.Ordinal);
        for (var i = 0; i < exchanges.Length; i++)
        {
            draft.Node = destinations[i].Id;
            foreach (var (key, partial) in AggregateEgressGuard.Check(exchanges[i], query))
            {
                combined[key] = combined.TryGetValue(key, out var sum) ? sum.Combine(partial) : partial;
            }
        }

        draft.Node = string.Join(',', destinations.Select(d => d.Id));
        return combined;
    }

    private async Task ReleaseAsync(HttpContext context, AuditDraft draft, string groupsJson, decimal epsilonSpent, decimal remaining, long started)
    {
        var groups = JsonSerializer.Deserialize(groupsJson, AggregateJson.Default.AggregateGroupArray)
            ?? throw new InvalidOperationException("A cached aggregate answer is null.");
        var digest = Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(groupsJson)));

        // :: Step 8 (continued) the audit entry is durable before anything is released.
        var committed = await audit.RecordAsync(draft.Complete("allowed", "ok", digest, AuditedRefusal.MicrosSince(started)));
        var response = new AggregateResponse
        {
            Groups = groups,
            EpsilonSpent = epsilonSpent,
            BudgetRemaining = remaining,
            Mechanism = AggregateMechanism.Name,
            Receipt = attestor.Receipt(committed.Index, committed.EntryHash, digest),
        };

        // :: Step 9 release.
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, response, AggregateJson.Default.AggregateResponse, context.RequestAborted);
    }

    private static async Task<T> Ledger<T>(Func<Task<T>> operation)
    {
        try
        {
            return await operation();
        }
        catch (LedgerUnavailableException)
        {
            // Fail closed: without the ledger nothing can be paid for or reused.
            throw new AdmissionException(ProblemCodes.StoreUnavailable);
        }
    }

    private static decimal Remaining(AggregatePolicy rules, long spentMicro) =>
        Math.Max(0, rules.BudgetCap.MicroUnits - spentMicro) / (decimal)Epsilon.MicroUnitsPerUnit;

    private static DefaultHttpContext Carrier(HttpContext context)
    {
        var carrier = new DefaultHttpContext { RequestServices = context.RequestServices, RequestAborted = context.RequestAborted };
        carrier.Request.Method = HttpMethods.Post;
        carrier.Request.Scheme = context.Request.Scheme;
        carrier.Request.Host = context.Request.Host;
        carrier.Request.Path = NodePath;
        return carrier;
    }

    private static NodeAggregateRequest ToNodeRequest(AdmittedAggregate query) => new()
    {
        Field = query.Field,
        GroupBy = query.GroupBy,
        Filter = query.Filter,
        Lower = query.Bounds.Lower,
        Upper = query.Bounds.Upper,
    };
}
