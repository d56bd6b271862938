using System.Text.Json;
using DataGateway.Core.Contracts;
using DataGateway.Core.Problems;
using DataGateway.Core.Scoring;
using DataGateway.Dataset;
using DataGateway.Hosting.Problems;
using DataGateway.Node.Scoring;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;

namespace DataGateway.Node.Hosting;

/// <summary>
/// <c>POST /internal/v1/scores</c>: E(b + Σ wᵢ·xᵢ) over each asked subject's raw features, re-randomised,
/// only for a request that passed the <see cref="TicketGate"/> with a ticket of kind <c>score</c>.
/// </summary>
/// <remarks>
/// After the gate, in this order so that no record is read before every check passed: parse strictly
/// (400); the ticket's subject is the one subject asked, or <c>*</c> for a batch (401); subjects distinct
/// and at most <see cref="MaxSubjects"/> (400); the model validated and its scorer built once per commitment
/// (<see cref="ModelScoring"/>, 400). Then per subject: <c>subject_not_found</c>, <c>feature_unavailable</c>
/// or a fresh ciphertext. The answer carries ciphertexts and codes only, never a feature value.
/// </remarks>
internal sealed class ScoreEndpoint(TicketGate gate, IEnterpriseStore store, ModelScoring scoring, ILogger<ScoreEndpoint> logger)
{
    public const string Path = "/internal/v1/scores";

    /// <summary>Largest body: a 4096-bit model of 64 features (about 90 KB) and 1,000 subjects (about 21 KB).</summary>
    public const int MaxBodyBytes = 256 * 1024;

    /// <summary>Most subjects per request (the gateway's batch cap is the same or lower).</summary>
    public const int MaxSubjects = 1000;

    private const string ScoreKind = "score";
    private const string AnySubject = "*";

    public Task HandleAsync(HttpContext context)
    {
        // Kestrel's server-wide limit is the small verification limit; this endpoint carries a model.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        return gate.HandleAsync(context, ScoreKind, AdmitAsync, MaxBodyBytes);
    }

    private async Task AdmitAsync(HttpContext context, NodeTicket ticket, ReadOnlyMemory<byte> body)
    {
        if (Parse(body.Span) is not { } request)
        {
            await Refuse(context, ProblemCodes.InvalidJson);
            return;
        }

        var batch = string.Equals(ticket.Subject, AnySubject, StringComparison.Ordinal);
        if (!batch && (request.Subjects.Count != 1 || !string.Equals(request.Subjects[0], ticket.Subject, StringComparison.Ordinal)))
        {
            NodeLog.TicketDoesNotMatchBody(logger);
            await Problem.WriteAsync(context, ProblemCodes.TicketInvalid);
            return;
        }

        if (request.Subjects.Count is 0 or > MaxSubjects || request.Subjects.Distinct(StringComparer.Ordinal).Count() != request.Subjects.Count)
        {
            await Refuse(context, ProblemCodes.TooManySubjects);
            return;
        }

        LeaseCache<ScoringModel>.Lease model;
        try
        {
            model = scoring.AcquireModel(request.Model);
        }
        catch (ScoringRefusedException refused)
        {
            await Refuse(context, refused.Code);
            return;
        }

        NodeScoreResponse response;
        using (model)
        {
            using var pool = scoring.AcquirePool(model.Value.Key);
            response = Score(request.Subjects, model.Value, pool.Value);
        }

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await JsonSerializer.SerializeAsync(context.Response.Body, response, NodeScoreJson.Default.NodeScoreResponse, context.RequestAborted);
    }

    private NodeScoreResponse Score(IReadOnlyList<string> subjects, ScoringModel model, Cryptography.Paillier.Scoring.RandomizerPool pool)
    {
        var features = new long[subjects.Count][];
        var results = new NodeScoreResult[subjects.Count];
        for (var i = 0; i < subjects.Count; i++)
        {
            if (!store.TryGet(subjects[i], out var record))
            {
                results[i] = new NodeScoreResult { Subject = subjects[i], Problem = ProblemCodes.SubjectNotFound.Code };
                continue;
            }

            var x = new long[model.Encoder.Count];
            if (!model.Encoder.TryEncode(record, store.AsOf, model.Scorer.FeatureBound, x))
            {
                results[i] = new NodeScoreResult { Subject = subjects[i], Problem = ProblemCodes.FeatureUnavailable.Code };
                continue;
            }

            features[i] = x;
        }

        // The exponentiations are the cost; the scorer and the pool are safe for concurrent use.
        Parallel.For(0, subjects.Count, i =>
        {
            if (features[i] is { } x)
            {
                var ciphertext = model.Scorer.Score(x, pool.Take());
                Array.Clear(x); // the raw features are not kept past their use
                results[i] = new NodeScoreResult { Subject = subjects[i], Ciphertext = ciphertext.ToBase64Url() };
            }
        });

        return new NodeScoreResponse { Results = results };
    }

    private Task Refuse(HttpContext context, ProblemCode code)
    {
        NodeLog.RequestRefused(logger, code.Code);
        return Problem.WriteAsync(context, code);
    }

    private static NodeScoreRequest? Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return JsonSerializer.Deserialize(body, NodeScoreJson.Default.NodeScoreRequest);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
