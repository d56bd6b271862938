using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using DataGateway.Core.Problems;
using DataGateway.Gateway.Attestation;
using DataGateway.Gateway.Auditing;
using DataGateway.Gateway.Authentication;
using DataGateway.Gateway.Policies;
using DataGateway.Gateway.Verification;
using DataGateway.Hosting.Problems;
using DataGateway.Storage.Models;
using Microsoft.AspNetCore.Http;

namespace DataGateway.Gateway.Scoring;

/// <summary>
/// <c>/v1/models</c>: an institution registers, lists, reads and deletes its own models. A registration is
/// validated whole before anything is stored (<see cref="ModelAdmission"/>), stored immutably, and audited
/// (kind <c>model-register</c>, the commitment as query hash and result digest) before the 201 is released.
/// </summary>
/// <remarks>
/// The model is stored before the audit entry is written so that an allowed entry never names a model that
/// does not exist; if the entry cannot be written the model is marked deleted (it can never be used
/// unaudited, and its id stays spent) and the answer is 503.
/// </remarks>
internal sealed class ModelService(PolicyStore policies, IModelRegistry registry, AuditRecorder audit, Attestor attestor, TimeProvider time)
{
    /// <summary>Largest registration body: a 4096-bit model of 64 features is about 90 KB.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    public async Task RegisterAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        var policy = policies.Current;
        var draft = AuditDraft.Start(context, "model-register", policy.Version);
        try
        {
            var institution = RegisteredInstitution(draft, policy);
            var body = await RequestBody.ReadAsync(context.Request, MaxBodyBytes, context.RequestAborted);
            var request = ModelAdmission.Parse(body);
            draft.Predicates = ModelAdmission.IsValidId(request.Id) ? [ModelKey(request.Id!)] : [];
            var model = ModelAdmission.Admit(request, policy.Models, institution, draft.Actor, time.GetUtcNow());
            draft.QueryHash = model.Commitment;

            var added = await StoreAsync(() => registry.AddAsync(model, policy.Models.MaxPerInstitution, CancellationToken.None));
            if (added != ModelAddResult.Added)
            {
                throw new AdmissionException(added == ModelAddResult.Exists ? ProblemCodes.ModelExists : ProblemCodes.TooManyModels);
            }

            Storage.Audit.AuditAppendResult committed;
            try
            {
                committed = await audit.RecordAsync(draft.Complete("allowed", "ok", model.Commitment, AuditedRefusal.MicrosSince(started)));
            }
            catch (AdmissionException)
            {
                await registry.DeleteAsync(model.Institution, model.Id, time.GetUtcNow(), CancellationToken.None);
                throw;
            }

            context.Response.StatusCode = StatusCodes.Status201Created;
            context.Response.Headers.Location = "/v1/models/" + model.Id;
            await WriteAsync(context, View(model) with { Receipt = attestor.Receipt(committed.Index, committed.EntryHash, model.Commitment) });
        }
        catch (AdmissionException refusal)
        {
            await AuditedRefusal.WriteAsync(context, audit, draft, refusal, started);
        }
    }

    public async Task<IResult> ListAsync(HttpContext context)
    {
        if (InstitutionOf(context) is not { } institution)
        {
            return new Problem(ProblemCodes.InstitutionNotRegistered);
        }

        var models = await StoreOrNullAsync(() => registry.ListAsync(institution, CancellationToken.None));
        return models is null
            ? new Problem(ProblemCodes.StoreUnavailable)
            : Results.Json(new ModelList { Items = models.Select(View).ToArray() }, ScoringJson.Default.ModelList);
    }

    public async Task<IResult> GetAsync(HttpContext context, string id)
    {
        if (InstitutionOf(context) is not { } institution)
        {
            return new Problem(ProblemCodes.InstitutionNotRegistered);
        }

        if (!ModelAdmission.IsValidId(id))
        {
            return new Problem(ProblemCodes.ModelNotFound);
        }

        try
        {
            var model = await registry.FindAsync(institution, id, CancellationToken.None);
            return model is null || model.IsDeleted
                ? new Problem(ProblemCodes.ModelNotFound)
                : Results.Json(View(model), ScoringJson.Default.ModelView);
        }
        catch (ModelStoreUnavailableException)
        {
            return new Problem(ProblemCodes.StoreUnavailable);
        }
    }

    public async Task DeleteAsync(HttpContext context, string id)
    {
        var started = Stopwatch.GetTimestamp();
        var policy = policies.Current;
        var draft = AuditDraft.Start(context, "model-delete", policy.Version);
        try
        {
            var institution = RegisteredInstitution(draft, policy);
            if (!ModelAdmission.IsValidId(id))
            {
                throw new AdmissionException(ProblemCodes.ModelNotFound);
            }

            draft.Predicates = [ModelKey(id)];
            var model = await StoreAsync(() => registry.FindAsync(institution, id, CancellationToken.None));
            if (model is null || model.IsDeleted || !await StoreAsync(() => registry.DeleteAsync(institution, id, time.GetUtcNow(), CancellationToken.None)))
            {
                throw new AdmissionException(ProblemCodes.ModelNotFound);
            }

            draft.QueryHash = model.Commitment;
            var committed = await audit.RecordAsync(draft.Complete("allowed", "ok", model.Commitment, AuditedRefusal.MicrosSince(started)));
            context.Response.StatusCode = StatusCodes.Status200OK;
            await WriteAsync(context, View(model) with
            {
                Status = "deleted",
                Receipt = attestor.Receipt(committed.Index, committed.EntryHash, model.Commitment),
            });
        }
        catch (AdmissionException refusal)
        {
            await AuditedRefusal.WriteAsync(context, audit, draft, refusal, started);
        }
    }

    /// <summary>The limiter and audit key of a model: <c>model:&lt;id&gt;</c>.</summary>
    public static string ModelKey(string id) => "model:" + id;

    public static ModelView View(RegisteredModel model) => new()
    {
        Id = model.Id,
        PublicKey = new ModelPublicKey { N = model.N },
        Scale = model.Scale,
        Features = model.Features,
        Weights = model.Weights,
        Bias = model.Bias,
        Commitment = model.Commitment,
        RegisteredAt = model.RegisteredAt,
        Status = model.IsDeleted ? "deleted" : "active",
    };

    /// <summary>Runs a store call, turning an unavailable store into the fail-closed 503.</summary>
    public static async Task<T> StoreAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ModelStoreUnavailableException)
        {
            throw new AdmissionException(ProblemCodes.StoreUnavailable);
        }
    }

    private static async Task<T?> StoreOrNullAsync<T>(Func<Task<T>> call)
        where T : class
    {
        try
        {
            return await call();
        }
        catch (ModelStoreUnavailableException)
        {
            return null;
        }
    }

    private static string RegisteredInstitution(AuditDraft draft, GatewayPolicy policy) =>
        draft.Institution is { } id && policy.Institutions.ContainsKey(id)
            ? id
            : throw new AdmissionException(ProblemCodes.InstitutionNotRegistered);

    private string? InstitutionOf(HttpContext context) =>
        context.User.FindFirstValue(Roles.InstitutionClaim) is { } id && policies.Current.Institutions.ContainsKey(id) ? id : null;

    private static Task WriteAsync(HttpContext context, ModelView view)
    {
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, view, ScoringJson.Default.ModelView, context.RequestAborted);
    }
}
